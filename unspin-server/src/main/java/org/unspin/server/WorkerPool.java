package org.unspin.server;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of workers and a bounded queue for the expensive work (check, restore, trace).
 * {@link #run} sheds load instead of queuing without end: a full queue is a 429, and a request
 * that has not finished by its deadline (queue wait included) is a 503. A timed-out task that has
 * not started is dropped from the queue; one that is running is interrupted and its result thrown
 * away (the restorer checks the interrupt between sentences, so the worker is free again within
 * one sentence's work). Thread-safe.
 */
public final class WorkerPool implements AutoCloseable {
  private final ThreadPoolExecutor executor;
  private final Duration timeout;
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();

  public WorkerPool(int threads, int queue, Duration timeout) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    if (queue < 0) {
      throw new IllegalArgumentException("queue must be >= 0 (got " + queue + ")");
    }
    this.timeout = timeout;
    AtomicInteger n = new AtomicInteger();
    // A SynchronousQueue stands in for "no queue": ArrayBlockingQueue needs a capacity of at least 1.
    java.util.concurrent.BlockingQueue<Runnable> q = queue == 0 ? new java.util.concurrent.SynchronousQueue<>()
        : new ArrayBlockingQueue<>(queue);
    executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, q, r -> {
      Thread t = new Thread(r, "unspin-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
    executor.prestartAllCoreThreads();
  }

  /**
   * Runs {@code task} on a worker and waits for its result.
   *
   * @throws ApiException 429 when every worker is busy and the queue is full, 503 when the
   *     deadline passes
   * @throws RuntimeException whatever the task threw, unwrapped
   */
  public <T> T run(Callable<T> task) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Future<T> f;
    try {
      f = executor.submit(task);
    } catch (RejectedExecutionException e) {
      throw busy();
    }
    try {
      T result = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      completed.incrementAndGet();
      return result;
    } catch (TimeoutException e) {
      f.cancel(true);
      executor.purge();
      timedOut.incrementAndGet();
      throw new ApiException(503, "the request took longer than the limit of " + timeout.toMillis()
          + " ms; try a shorter text or retry later", "5");
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiException(503, "the server is shutting down");
    } catch (CancellationException e) {
      throw new ApiException(503, "the request was cancelled");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("task failed: " + c, c);
    }
  }

  /**
   * Refuses at once (429) when every worker is busy and the queue is full, before the caller reads
   * a request body it could not run anyway. A request that passes may still be refused by
   * {@link #run}, which is the exact check.
   */
  public void admitOrThrow() {
    if (executor.getActiveCount() >= executor.getMaximumPoolSize()
        && executor.getQueue().remainingCapacity() == 0) {
      throw busy();
    }
  }

  private ApiException busy() {
    rejected.incrementAndGet();
    return new ApiException(429, "server busy: all " + executor.getMaximumPoolSize() + " workers and the queue of "
        + queueCapacity() + " are taken; retry later", "1");
  }

  /** Requests refused with 429 so far. */
  public long rejected() {
    return rejected.get();
  }

  /** Requests answered with 503 for their deadline so far. */
  public long timedOut() {
    return timedOut.get();
  }

  /** Requests that finished in time. */
  public long completed() {
    return completed.get();
  }

  public int threads() {
    return executor.getMaximumPoolSize();
  }

  /** Workers running a task now. */
  public int active() {
    return executor.getActiveCount();
  }

  /** Tasks waiting for a worker now. */
  public int queued() {
    return executor.getQueue().size();
  }

  public int queueCapacity() {
    return executor.getQueue().remainingCapacity() + executor.getQueue().size();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
