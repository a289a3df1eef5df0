package io.seqpipe.pipelines.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * Where Seqpipe's log events go and how they look: the one logging set-up of the process, behind SLF4J
 * ({@link SeqpipeServiceProvider} binds it). Events go to standard error, as {@code [INFO] text} lines or,
 * with {@link Format#JSON}, as one JSON object per line: {@code time}, {@code level}, {@code logger},
 * {@code event} ({@code epoch}, {@code evaluation}, {@code checkpoint}, {@code progress}, {@code error},
 * or {@code log} for plain messages, warnings among them), {@code message} and the event's key-value pairs.
 * DJL logs warnings and errors only; {@code --quiet} leaves errors only.
 *
 * <pre>{@code
 * Logs.configure(new Logs.Settings(Level.INFO, Logs.Format.JSON));
 * LoggerFactory.getLogger("x").atInfo().addKeyValue("event", "evaluation").addKeyValue("bleu", 27.1).log("dev BLEU 27.1");
 * // {"time":"...","level":"info","logger":"x","event":"evaluation","message":"dev BLEU 27.1","bleu":27.1}
 * }</pre>
 */
public final class Logs {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How each event is written. */
  public enum Format { TEXT, JSON }

  /** @param threshold the least level written ({@link Level#ERROR} for {@code --quiet}) */
  public record Settings(Level threshold, Format format) {
    public static final Settings DEFAULT = new Settings(Level.INFO, Format.TEXT);
  }

  private static volatile Settings settings = Settings.DEFAULT;
  private static final Set<String> WARNINGS_ONLY = ConcurrentHashMap.newKeySet();

  static {
    WARNINGS_ONLY.add("ai.djl");
  }

  private Logs() {}

  /** Sets the logging of the whole process from now on. */
  public static void configure(Settings newSettings) {
    settings = newSettings;
  }

  public static Settings settings() {
    return settings;
  }

  /**
   * Has the loggers whose names start with {@code prefix} (a library's packages) write warnings and errors
   * only, as DJL's: {@code Logs.warningsOnly("org.apache.spark")}.
   */
  public static void warningsOnly(String prefix) {
    WARNINGS_ONLY.add(prefix);
  }

  /**
   * Whether {@code logger} writes events at {@code level}: DJL's (and {@link #warningsOnly} libraries') below
   * WARN never, CUDA probing's below ERROR never.
   */
  static boolean enabled(String logger, Level level) {
    Level least = settings.threshold();
    if (logger.startsWith("ai.djl.util.cuda.CudaUtils")) {
      least = Level.ERROR; // asked for the GPU count on machines without a CUDA driver; auto falls back to CPU
    } else if (least.toInt() < Level.WARN.toInt() && WARNINGS_ONLY.stream().anyMatch(logger::startsWith)) {
      least = Level.WARN;
    }
    return level.toInt() >= least.toInt();
  }

  /** Writes one event to standard error in the configured format. */
  static void write(String logger, Level level, String message, List<KeyValuePair> pairs, Throwable thrown) {
    String line = settings.format() == Format.JSON ? json(logger, level, message, pairs, thrown)
        : text(level, message, thrown);
    PrintStream err = System.err; // read each time: tests and the launcher may replace it
    synchronized (Logs.class) {
      err.print(line);
      err.flush();
    }
  }

  /** An error for the user, as the command line reports a bad input: JSON in JSON format, else null. */
  public static String jsonError(String message) {
    return settings.format() == Format.JSON ? json("seqpipe", Level.ERROR, message, List.of(new KeyValuePair("event",
        "error")), null) : null;
  }

  private static String text(Level level, String message, Throwable thrown) {
    StringBuilder out = new StringBuilder("[").append(level).append("] ").append(message).append(System.lineSeparator());
    if (thrown != null) {
      out.append(stackTrace(thrown));
    }
    return out.toString();
  }

  private static String json(String logger, Level level, String message, List<KeyValuePair> pairs, Throwable thrown) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("time", Instant.now().toString());
    object.put("level", level.name().toLowerCase(Locale.ROOT));
    object.put("logger", logger);
    object.put("event", "log");
    object.put("message", message);
    for (KeyValuePair pair : pairs) {
      object.put(pair.key, pair.value instanceof Number || pair.value instanceof Boolean || pair.value instanceof Map<?, ?>
          || pair.value == null ? pair.value : String.valueOf(pair.value));
    }
    if (thrown != null) {
      object.put("exception", stackTrace(thrown));
    }
    try {
      return JSON.writeValueAsString(object) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of text, numbers and booleans always serialize", e);
    }
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
