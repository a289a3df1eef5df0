package io.seqpipe.nlp.series;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How the time column of a series is written: months ({@code 1934-04}), dates ({@code 2015-01-01}) or
 * date-times ({@code 2015-01-01T13:00}, {@code 2015-01-01 13:00:00}). The first row decides; every
 * other row must be written the same way. Forecasts are written back in the same form.
 *
 * <pre>{@code
 * TimeFormat format = TimeFormat.detect("2015-01-01");   // DATE
 * LocalDateTime time = format.parse("2015-01-02");       // null if it does not parse
 * format.format(time);                                   // 2015-01-02
 * }</pre>
 */
public enum TimeFormat {
  MONTH("a month (YYYY-MM)", DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT)),
  DATE("a date (YYYY-MM-DD)", DateTimeFormatter.ISO_LOCAL_DATE),
  DATE_TIME("a date-time (YYYY-MM-DDTHH:MM[:SS])", DateTimeFormatter.ISO_LOCAL_DATE_TIME),
  SPACED_DATE_TIME("a date-time (YYYY-MM-DD HH:MM[:SS])", DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]", Locale.ROOT));

  private final String description;
  private final DateTimeFormatter formatter;

  TimeFormat(String description, DateTimeFormatter formatter) {
    this.description = description;
    this.formatter = formatter;
  }

  /** The form of {@code text}, or null when it is no time of a known form. */
  public static TimeFormat detect(String text) {
    for (TimeFormat format : values()) {
      if (format.parse(text) != null) {
        return format;
      }
    }
    return null;
  }

  /** What the form looks like, for messages. */
  public String description() {
    return description;
  }

  /** The time {@code text} writes in this form, or null. */
  public LocalDateTime parse(String text) {
    try {
      return switch (this) {
        case MONTH -> YearMonth.parse(text, formatter).atDay(1).atStartOfDay();
        case DATE -> LocalDate.parse(text, formatter).atStartOfDay();
        case DATE_TIME, SPACED_DATE_TIME -> LocalDateTime.parse(text, formatter);
      };
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public String format(LocalDateTime time) {
    return switch (this) {
      case MONTH -> YearMonth.from(time).format(formatter);
      case DATE -> time.toLocalDate().format(formatter);
      case DATE_TIME, SPACED_DATE_TIME -> time.format(formatter);
    };
  }
}
