package se.samverka.identity;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server on 127.0.0.1 that takes every message and keeps it: just enough SMTP (RFC 5321) for JavaMail to
 * deliver to it, so the tests read what the provider really sent.
 */
final class MailCatcher {

    /** One message as it arrived, its body decoded. */
    record Received(String to, String subject, String text) {
    }

    private final ServerSocket server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    MailCatcher() {
        try {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepting = new Thread(this::accept, "mail-catcher");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The messages to this address, oldest first. */
    List<Received> to(String address) {
        return received.stream().filter(mail -> mail.to().equalsIgnoreCase(address)).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException | MessagingException e) {
                // One conversation that went wrong; the test that waits for its message says so.
            }
        }
    }

    private void converse(Socket socket) throws IOException, MessagingException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        reply(out, "220 mail-catcher");
        String to = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "RCPT" -> {
                    to = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    reply(out, "250 ok");
                }
                case "DATA" -> {
                    reply(out, "354 go on");
                    StringBuilder data = new StringBuilder();
                    for (String part = in.readLine(); part != null && !part.equals("."); part = in.readLine()) {
                        data.append(part.startsWith("..") ? part.substring(1) : part).append("\r\n");
                    }
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                            new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8)));
                    received.add(new Received(to, message.getSubject(), message.getContent().toString()));
                    reply(out, "250 kept");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }
}
