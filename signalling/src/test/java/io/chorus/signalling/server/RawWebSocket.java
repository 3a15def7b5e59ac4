package io.chorus.signalling.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client written byte by byte, for what a well-behaved client never does: set any
 * Origin, send without reading, keep a socket open. Frames are masked with a zero key (RFC 6455
 * requires a mask, not a secret one).
 */
final class RawWebSocket implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    /** Connects with a small receive buffer, so that a client that does not read is felt at once. */
    static Socket socket(int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends the upgrade request and returns the status line of the response. */
    static String upgrade(Socket socket, String host, String origin) throws IOException {
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        String request = "GET /ws HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String head = readHead(socket.getInputStream());
        return head.isEmpty() ? "" : head.substring(0, head.indexOf("\r\n"));
    }

    RawWebSocket(int port, int receiveBuffer) throws IOException {
        this.socket = socket(port, receiveBuffer);
        String status = upgrade(socket, "127.0.0.1:" + port, null);
        if (!status.contains(" 101 ")) {
            socket.close();
            throw new IOException("upgrade refused: " + status);
        }
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("short frames only");
        }
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(payload, 0, frame, 6, payload.length);
        out.write(frame);
    }

    /**
     * Reads frames until the server's close frame or the end of the stream; returns the close
     * status, or -1 when the socket ended without one.
     */
    int awaitClose() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return -1;
            }
            int length = in.read() & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                throw new IOException("unexpectedly long frame");
            }
            byte[] payload = in.readNBytes(length);
            if ((first & 0x0f) == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
    }

    boolean closedByServer() {
        try {
            socket.setSoTimeout(10_000);
            while (in.read() >= 0) {
                // Drains what the server sent before closing.
            }
            return true;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
