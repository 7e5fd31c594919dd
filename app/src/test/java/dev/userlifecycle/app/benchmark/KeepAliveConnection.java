package dev.userlifecycle.app.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection kept open for request after request, as a load generator such as wrk uses it: a request is
 * written as prepared bytes and its answer read as far as its status and body, so that the client spends a small
 * fraction of what the service does per request and the two cores measure the service, not the client.
 * <p>
 * Not thread-safe: one connection per load thread.
 */
final class KeepAliveConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private final String apiKey;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(InetSocketAddress address, String apiKey) {
        this.address = address;
        this.apiKey = apiKey;
    }

    /** Sends a GET and answers its status; the body is read and dropped. */
    int get(String path) throws IOException {
        return exchange(head("GET", path).append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends a POST of a JSON body and answers its status. */
    int postJson(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = head("POST", path).append("Content-Type: application/json\r\nContent-Length: ")
                                        .append(body.length).append("\r\n\r\n").toString()
                                        .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return exchange(request);
    }

    private StringBuilder head(String method, String path) {
        return new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                                     .append(address.getHostString()).append(':').append(address.getPort())
                                     .append("\r\nX-API-Key: ").append(apiKey).append("\r\n");
    }

    private int exchange(byte[] request) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket connected = new Socket();
        try {
            connected.setTcpNoDelay(true);
            connected.connect(address, 5_000);
            connected.setSoTimeout(60_000);
            in = new BufferedInputStream(connected.getInputStream(), 16 * 1024);
            out = connected.getOutputStream();
        } catch (IOException e) {
            connected.close();
            throw e;
        }
        socket = connected;
    }

    private int readResponse() throws IOException {
        String statusLine = line();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(length);
        }
        if (closing) {
            close();
        }
        return status;
    }

    private long chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed inside an answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing left to do
            }
            socket = null;
        }
    }
}
