package io.seqpipe.pipelines.cli;

import java.util.Map;

/** Spreads a metric signature's {@code key:value} fields into a JSON object, as sacrebleu does. */
final class SignatureFields {
  private SignatureFields() {}

  static void addTo(Map<String, Object> json, String signature) {
    for (String field : signature.split("\\|")) {
      int colon = field.indexOf(':');
      json.put(field.substring(0, colon), field.substring(colon + 1));
    }
  }
}
