package io.seqpipe.pipelines.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Binds SLF4J to {@link Logs} (named in {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}), so
 * every library's log events reach the one logging set-up.
 *
 * <pre>{@code
 * LoggerFactory.getLogger(MyClass.class).info("hello");   // [INFO] hello, or a JSON line
 * }</pre>
 */
public final class SeqpipeServiceProvider implements SLF4JServiceProvider {
  private final Map<String, SeqpipeLogger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, SeqpipeLogger::new);
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}
}
