package io.seqpipe.nlp.series;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The US federal holidays of any year, computed by their rules (5 U.S.C. 6103) rather than read from a
 * table: fixed dates moved to the Friday before when on a Saturday and the Monday after when on a
 * Sunday, and the Monday and Thursday holidays by their week. Martin Luther King Jr. Day counts from
 * 1986 and Juneteenth from 2021, as observed.
 *
 * <pre>{@code
 * UsHolidays.isHoliday(LocalDate.of(2015, 11, 26));   // true: Thanksgiving
 * UsHolidays.isHoliday(LocalDate.of(2010, 12, 31));   // true: New Year's Day 2011 fell on a Saturday
 * }</pre>
 */
public final class UsHolidays {
  private UsHolidays() {}

  /** Whether {@code date} is a federal holiday as observed (the day offices close). */
  public static boolean isHoliday(LocalDate date) {
    return observed(date.getYear()).contains(date) || observed(date.getYear() + 1).contains(date);
  }

  /** The year's holidays as observed; New Year's Day may fall on December 31 of the year before. */
  public static List<LocalDate> observed(int year) {
    List<LocalDate> days = new ArrayList<>();
    days.add(observedFixed(LocalDate.of(year, Month.JANUARY, 1)));
    if (year >= 1986) {
      days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
    }
    days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
    days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    if (year >= 2021) {
      days.add(observedFixed(LocalDate.of(year, Month.JUNE, 19)));
    }
    days.add(observedFixed(LocalDate.of(year, Month.JULY, 4)));
    days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
    days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));
    days.add(observedFixed(LocalDate.of(year, Month.NOVEMBER, 11)));
    days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
    days.add(observedFixed(LocalDate.of(year, Month.DECEMBER, 25)));
    return days;
  }

  private static LocalDate observedFixed(LocalDate date) {
    return switch (date.getDayOfWeek()) {
      case SATURDAY -> date.minusDays(1);
      case SUNDAY -> date.plusDays(1);
      default -> date;
    };
  }

  private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
  }
}
