package dev.fmd.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 GET on its own connection to 127.0.0.1, written on a raw socket by a client that goes away in the middle
 * of the exchange, as a server meets them in production. The socket is closed with a reset (linger 0), so that a run
 * of many requests leaves no connection in TIME_WAIT.
 */
public final class RawHttp {

    /** When the client goes away, once the request is sent. */
    public enum Leaving {
        /** after the first bytes of the response */
        AFTER_FIRST_BYTES,
        /** after waiting 2 ms for the response (an asynchronous one is not there yet) */
        BEFORE_ANSWER
    }

    private RawHttp() {
    }

    /**
     * @param port    the server's port on 127.0.0.1
     * @param path    the absolute path, e.g. {@code /app/api/items}
     * @param leaving when the client goes away
     * @throws IOException when the connection failed before the client meant to leave
     */
    public static void getAndLeave(int port, String path, Leaving leaving) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoLinger(true, 0);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(leaving == Leaving.BEFORE_ANSWER ? 2 : 30_000);
            try {
                in.read(new byte[16]);
            } catch (SocketTimeoutException expected) {
                // gone before the answer
            }
        }
    }
}
