package dev.reelskit.mock.internal.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The build's training run for the class-data-sharing archive ({@code mock-server/pom.xml} runs it
 * with {@code -XX:DumpLoadedClassList}, then archives that list with {@code -Xshare:dump}): starts
 * the mock as {@code java -jar} does, sends it the requests a frontend sends first, and exits, so
 * the archive holds exactly the classes of a start and a first answer.
 */
public final class ArchiveTraining {

  private ArchiveTraining() {}

  /**
   * @param args the archive's path, as the dump step's {@code -XX:SharedArchiveFile} gives it
   */
  public static void main(String[] args) throws Exception {
    Files.writeString(
        ArchiveRelaunch.identityFile(Path.of(args[0])), ArchiveRelaunch.jvmIdentity());
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String[] options = {"--port", Integer.toString(port)};
    Thread mock = new Thread(() -> Main.main(options), "reels-mock-training");
    mock.setDaemon(true);
    mock.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!answers(port, "GET /api/v1/reels/42 HTTP/1.1\r\n", "")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the mock did not answer within 120 s");
      }
      Thread.sleep(20);
    }
    String body = "{\"url\":\"https://www.instagram.com/reel/DYa0IXPgnP5/\"}";
    answers(
        port,
        "POST /api/v1/reels/analyze HTTP/1.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\n",
        body);
    answers(port, "GET /api/v1/reels/100 HTTP/1.1\r\n", "");
    System.exit(0); // the JVM writes the archive on exit
  }

  private static boolean answers(int port, String head, String body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (head
                  + "Host: 127.0.0.1:"
                  + port
                  + "\r\nAuthorization: Bearer ist_your_token\r\n"
                  + "Connection: close\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return in.readAllBytes().length > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
