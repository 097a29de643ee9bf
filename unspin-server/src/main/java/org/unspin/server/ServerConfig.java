package org.unspin.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the server listens and what it accepts; fixed when the server is created.
 *
 * @param host address to bind ({@code 127.0.0.1} unless the user says otherwise)
 * @param port TCP port, 0 for a free one chosen by the system
 * @param maxBytes largest accepted request body in bytes; larger ones get 413
 * @param timeout time limit of one request, queue wait included; past it the client gets 503
 * @param threads workers that run check, restore and trace
 * @param queue requests that may wait for a worker; one more gets 429
 * @param corsOrigins origins allowed to call the API from a browser (empty: CORS off)
 */
public record ServerConfig(String host, int port, int maxBytes, Duration timeout, int threads, int queue,
    List<String> corsOrigins) {
  /** Default body limit: 512 KiB, about 3 s of checking on one core today. */
  public static final int DEFAULT_MAX_BYTES = 512 * 1024;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_QUEUE = 16;

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535 (got " + port + ")");
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be >= 1 (got " + maxBytes + ")");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be > 0 (got " + timeout + ")");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    if (queue < 0) {
      throw new IllegalArgumentException("queue must be >= 0 (got " + queue + ")");
    }
    corsOrigins = List.copyOf(corsOrigins);
    for (String o : corsOrigins) {
      if (o.equals("*") || !(o.startsWith("http://") || o.startsWith("https://"))) {
        throw new IllegalArgumentException("a CORS origin must be an http(s) origin such as https://example.org (got "
            + o + ")");
      }
    }
  }

  /** Loopback, port 8080, the default limits, one worker per core, CORS off. */
  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 8080, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT,
        Runtime.getRuntime().availableProcessors(), DEFAULT_QUEUE, List.of());
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, maxBytes, timeout, threads, queue, corsOrigins);
  }

  public ServerConfig withLimits(int maxBytes, Duration timeout, int threads, int queue) {
    return new ServerConfig(host, port, maxBytes, timeout, threads, queue, corsOrigins);
  }

  public ServerConfig withCorsOrigins(List<String> origins) {
    return new ServerConfig(host, port, maxBytes, timeout, threads, queue, origins);
  }
}
