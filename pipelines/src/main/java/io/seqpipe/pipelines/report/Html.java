package io.seqpipe.pipelines.report;

import java.util.List;
import java.util.Locale;

/**
 * A small HTML writer for reports: escaped text, tables and the page frame, nothing more.
 *
 * <pre>{@code
 * Html page = new Html("sentiment");
 * page.heading("Metrics").table(List.of("split", "accuracy"), rows);
 * String html = page.close();
 * }</pre>
 */
public final class Html {
  private final StringBuilder out = new StringBuilder(1 << 14);

  public Html(String title) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.3em .7em;"
            + "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
            + "pre{background:#f7f7f7;padding:1em;overflow-x:auto}.tok{padding:1px 2px;border-radius:3px}"
            + "img{margin:0 1em 1em 0}</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
  }

  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** A number as reports show it: 4 decimals, integers as they are. */
  public static String number(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return String.format(Locale.ROOT, "%.4f", ((Number) value).doubleValue());
    }
    return escape(String.valueOf(value));
  }

  public Html heading(String text) {
    out.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  public Html paragraph(String text) {
    out.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** Markup the caller has already escaped. */
  public Html raw(String markup) {
    out.append(markup);
    return this;
  }

  public Html image(String file, String alt) {
    out.append("<img src=\"").append(escape(file)).append("\" alt=\"").append(escape(alt)).append("\">\n");
    return this;
  }

  public Html preformatted(String text) {
    out.append("<pre>").append(escape(text)).append("</pre>\n");
    return this;
  }

  /** A table of already formatted cells (escaped here). */
  public Html table(List<String> header, List<List<String>> rows) {
    out.append("<table><tr>");
    header.forEach(cell -> out.append("<th>").append(escape(cell)).append("</th>"));
    out.append("</tr>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
      out.append("</tr>\n");
    }
    out.append("</table>\n");
    return this;
  }

  public String close() {
    return out.append("</body></html>\n").toString();
  }
}
