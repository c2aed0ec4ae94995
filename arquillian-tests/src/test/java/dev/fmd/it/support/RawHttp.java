package dev.fmd.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 GET on its own connection to 127.0.0.1, written and read on a raw socket, so that a test can be the
 * client a server meets in production: one that reads the whole answer, or one that goes away in the middle of it.
 * The socket is closed with a reset (linger 0), so that a run of many requests leaves no connection in TIME_WAIT.
 */
public final class RawHttp {

    /** What the client does once the request is sent. */
    public enum Client {
        /** reads the whole response */
        READS_ALL,
        /** reads the first bytes of the response, then resets the connection */
        LEAVES_AFTER_FIRST_BYTES,
        /** waits 2 ms for the response (an asynchronous one is not there yet), then resets the connection */
        LEAVES_BEFORE_ANSWER
    }

    private RawHttp() {
    }

    /**
     * @param port   the server's port on 127.0.0.1
     * @param path   the absolute path, e.g. {@code /app/api/items}
     * @param client what the client does
     * @return the response's status when the client read it, else 0
     * @throws IOException when the connection failed before the client meant to leave
     */
    public static int get(int port, String path, Client client) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoLinger(true, 0);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return switch (client) {
                case READS_ALL -> {
                    socket.setSoTimeout(30_000);
                    yield readAll(in);
                }
                case LEAVES_AFTER_FIRST_BYTES -> {
                    socket.setSoTimeout(30_000);
                    in.read(new byte[16]);
                    yield 0;
                }
                case LEAVES_BEFORE_ANSWER -> {
                    socket.setSoTimeout(2);
                    try {
                        in.read(new byte[16]);
                    } catch (SocketTimeoutException expected) {
                        // gone before the answer
                    }
                    yield 0;
                }
            };
        }
    }

    /** @return the status of the status line, after reading the response to its end */
    private static int readAll(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        StringBuilder head = new StringBuilder();
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (head.length() < 12) {
                head.append(new String(buffer, 0, Math.min(read, 12), StandardCharsets.US_ASCII));
            }
        }
        if (head.length() < 12 || !head.toString().startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP response: " + head);
        }
        return Integer.parseInt(head.substring(9, 12));
    }
}
