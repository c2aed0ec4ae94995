package dev.fmd.it.insight;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Endpoints whose time goes to known places. */
@Path("work")
@RequestScoped
public class WorkResource {

    /** About 80 ms asleep in {@link #slowPart()}, about 8 ms computing in {@link #fastPart()}. */
    @GET
    @Path("report")
    public String report() throws InterruptedException {
        slowPart();
        return "report " + fastPart();
    }

    @GET
    @Path("quick")
    public String quick() {
        return "quick";
    }

    @GET
    @Path("ping")
    public String ping() {
        return "pong";
    }

    /** Waits {@code ms} milliseconds for a supplier. */
    @GET
    @Path("stock")
    public String stock(@QueryParam("ms") @DefaultValue("5") int ms) throws InterruptedException {
        waitForSupplier(ms);
        return "stock after " + ms;
    }

    /** Same as {@link #stock}, for an endpoint nobody has called yet. */
    @GET
    @Path("cold")
    public String cold(@QueryParam("ms") @DefaultValue("5") int ms) throws InterruptedException {
        waitForSupplier(ms);
        return "cold after " + ms;
    }

    /** About 150 ms blocked in a socket read in {@link #readFromSlowPeer()}, as a JDBC call to a slow database is. */
    @GET
    @Path("remote")
    public String remote() throws IOException {
        return "remote answered " + readFromSlowPeer();
    }

    int readFromSlowPeer() throws IOException {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket accepted = peer.accept()) {
                    Thread.sleep(150);
                    accepted.getOutputStream().write(42);
                } catch (IOException | InterruptedException e) {
                    // the reading side fails and the test sees it
                }
            }, "slow-peer");
            answer.start();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), peer.getLocalPort())) {
                return socket.getInputStream().read();
            }
        }
    }

    void slowPart() throws InterruptedException {
        Thread.sleep(80);
    }

    long fastPart() {
        long end = System.nanoTime() + 8_000_000;
        long sum = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sum += (long) i * i % 7;
            }
        }
        return sum;
    }

    void waitForSupplier(int ms) throws InterruptedException {
        Thread.sleep(ms);
    }
}
