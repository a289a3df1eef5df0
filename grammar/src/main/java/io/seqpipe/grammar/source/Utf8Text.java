package io.seqpipe.grammar.source;

import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Pipeline file bytes as text: strict UTF-8, a leading byte order mark dropped, and a bad byte
 * reported at its line and column (columns count characters, as the parsers do).
 *
 * <pre>{@code
 * String text = Utf8Text.decode(bytes, bytes.length, "sentiment.pipe", problems); // null if not UTF-8
 * }</pre>
 */
public final class Utf8Text {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Utf8Text() {}

  /** The text of {@code bytes[0, length)}, or null with a problem recorded at the first invalid byte. */
  public static String decode(byte[] bytes, int length, String source, Problems problems) {
    int start = length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2] ? BOM.length : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
    CharBuffer out = CharBuffer.allocate(length - start);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      problems.add(position(out, source), String.format("invalid UTF-8 (byte 0x%02X): pipeline files must be UTF-8 text",
          bytes[in.position()] & 0xFF));
      return null;
    }
    return out.flip().toString();
  }

  /** Where the text decoded so far ends: the line and column of the next character. */
  private static Position position(CharSequence before, String source) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = 1 + (int) before.subSequence(lineStart, before.length()).codePoints().count();
    return new Position(source, line, column);
  }
}
