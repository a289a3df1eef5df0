package io.seqpipe.pipelines.logging;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/** An SLF4J logger that hands its events, key-value pairs included, to {@link Logs}. */
final class SeqpipeLogger extends LegacyAbstractLogger implements LoggingEventAware {
  SeqpipeLogger(String name) {
    this.name = name;
  }

  @Override
  public boolean isTraceEnabled() {
    return Logs.enabled(name, Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return Logs.enabled(name, Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return Logs.enabled(name, Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return Logs.enabled(name, Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return Logs.enabled(name, Level.ERROR);
  }

  @Override
  public void log(LoggingEvent event) {
    if (Logs.enabled(name, event.getLevel())) {
      Logs.write(name, event.getLevel(), format(event.getMessage(), event.getArgumentArray()),
          event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs(), event.getThrowable());
    }
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
      Throwable thrown) {
    Logs.write(name, level, format(message, arguments), List.of(), thrown);
  }

  private static String format(String message, Object[] arguments) {
    return arguments == null || arguments.length == 0 ? message
        : MessageFormatter.basicArrayFormat(message, arguments);
  }
}
