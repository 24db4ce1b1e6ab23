package io.portico.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Sizes: the deployment artifact, zipped as {@code sam build} + {@code sam package} lay it out (the
 * functions' classes at the root, their runtime jars under lib/, deflated), and the bytes a
 * browser receives for the hosted portal page: opening the session link (which sets the portal
 * cookie and redirects), the page, and any same-origin stylesheet, script or image it links (status
 * lines, headers and bodies).
 */
final class Sizes {
  record Artifact(long zipBytes, long unpackedBytes, int jars) {}

  record Page(long bytes, int requests, String contentEncoding) {}

  private Sizes() {}

  static Artifact artifact(Path root) throws IOException {
    Path classes = root.resolve("functions/target/classes");
    Path lib = root.resolve("functions/target/dependency");
    if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
      throw new IllegalStateException("functions/target/{classes,dependency} missing: run bin/portico-bench (it builds the artifact first)");
    }
    Path zip = root.resolve("bench/target/lambda-artifact.zip");
    long unpacked = 0;
    int jars = 0;
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Path p : files(classes)) {
        unpacked += add(out, classes.relativize(p).toString().replace('\\', '/'), p);
      }
      for (Path p : files(lib)) {
        unpacked += add(out, "lib/" + lib.relativize(p).toString().replace('\\', '/'), p);
        jars++;
      }
    }
    return new Artifact(Files.size(zip), unpacked, jars);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static long add(ZipOutputStream out, String name, Path file) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    long n = Files.copy(file, out);
    out.closeEntry();
    return n;
  }

  /** Every byte of the page's answer as a browser asks for it (redirects followed, cookies kept), and of the same-origin resources it links. */
  static Page portalPage(String url) throws IOException {
    URI page = URI.create(url);
    String cookie = null;
    Response first = get(page, null);
    long total = first.raw.length;
    int requests = 1;
    for (int hops = 0; hops < 5 && first.status() / 100 == 3 && first.header("location") != null; hops++) {
      String set = first.header("set-cookie");
      if (set != null) cookie = set.split(";", 2)[0];
      URI next = page.resolve(first.header("location"));
      if (next.getHost() == null || !next.getHost().equals(page.getHost()) || next.getPort() != page.getPort()) break;
      page = next;
      first = get(page, cookie);
      total += first.raw.length;
      requests++;
    }
    Set<String> linked = new LinkedHashSet<>();
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(first.body());
    while (m.find()) {
      String ref = m.group(1);
      URI target = page.resolve(ref.replace("&amp;", "&"));
      boolean sameOrigin = target.getHost() != null && target.getHost().equals(page.getHost()) && target.getPort() == page.getPort();
      boolean resource = ref.matches(".*\\.(css|js|mjs|svg|png|woff2?|ico)(\\?.*)?$") || first.body().contains("src=\"" + ref + "\"");
      if (sameOrigin && resource) linked.add(target.toString());
    }
    for (String r : linked) {
      total += get(URI.create(r), cookie).raw.length;
      requests++;
    }
    return new Page(total, requests, first.header("content-encoding"));
  }

  private record Response(byte[] raw, int headerEnd) {
    int status() {
      String line = new String(raw, 0, Math.min(raw.length, 64), StandardCharsets.ISO_8859_1);
      String[] parts = line.split(" ", 3);
      return parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
    }

    /** The body as text, unzipped when it came gzipped (the bytes on the wire stay counted as sent). */
    String body() {
      if (!"gzip".equalsIgnoreCase(header("content-encoding"))) return new String(raw, headerEnd, raw.length - headerEnd, StandardCharsets.UTF_8);
      try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw, headerEnd, raw.length - headerEnd))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    String header(String name) {
      for (String line : new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
      }
      return null;
    }
  }

  /** A browser-like GET over a raw socket, so every byte on the wire is counted. */
  private static Response get(URI uri, String cookie) throws IOException {
    try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
          + "\r\nAccept: text/html,*/*\r\nAccept-Encoding: gzip, deflate, br\r\nAccept-Language: en\r\n"
          + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "Connection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      byte[] raw = all.toByteArray();
      int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      return new Response(raw, end < 0 ? raw.length : end + 4);
    }
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) if (data[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
