package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.grammar.tree.PipelineException;
import io.seqpipe.grammar.tree.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed pipelines, syntactic and semantic, each with the exact lines it must produce. */
class MalformedInputTest {
  @TempDir static Path dir;

  @BeforeAll
  static void dataFiles() throws Exception {
    for (String name : List.of("train.tsv", "dev.tsv", "vectors.txt", "c.de", "c.en", "d.de", "d.en", "spm.model")) {
      Files.writeString(dir.resolve(name), "x\n");
    }
  }

  static final String HEAD = "pipeline p : classify {\n  data { train \"train.tsv\"; dev \"dev.tsv\" }\n";
  static final String THEAD = "pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n";

  /** A classify pipeline with {@code body} as its third line. */
  static String classify(String body) {
    return HEAD + "  " + body + "\n}\n";
  }

  static String translate(String body) {
    return THEAD + "  " + body + "\n}\n";
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // syntax
        dsl("unclosed block", HEAD, "t.pipe:3:1: unexpected end of file expected {'}', ';', a name, a new line}"),
        dsl("unterminated string", "pipeline p : classify {\n  data { train \"train.tsv }\n}\n",
            "t.pipe:2:16: unterminated string: add the closing \"",
            "t.pipe:3:1: unexpected '}' expected {end of file, ';', a new line}"),
        dsl("missing colon before kind", "pipeline p classify {\n}\n", "t.pipe:1:12: expected ':' before 'classify'"),
        dsl("stray character", classify("@epochs 3"), "t.pipe:3:3: unexpected character '@'"),
        dsl("equals sign in an entry", classify("train { epochs = 10 }"), "t.pipe:3:18: unexpected '='",
            "t.pipe:4:1: unexpected '}' expected {end of file, ';', a new line}"),
        dsl("two pipelines", classify("") + "pipeline q : classify {\n}\n", "t.pipe:5:1: unexpected 'pipeline' expected {end of file, ';', a new line}",
            "t.pipe:6:1: unexpected '}' expected {end of file, ';', a new line}"),
        dsl("unclosed call", classify("encoder bilstm(hidden: 256\n}"), "t.pipe:4:1: unexpected '}'"),
        dsl("named argument without value", classify("encoder bilstm(hidden: )"), "t.pipe:3:26: unexpected ')'",
            "t.pipe:4:1: unexpected '}' expected {end of file, ';', a new line}"),
        dsl("unclosed list", classify("evaluate [accuracy, f1_macro"), "t.pipe:4:1: unexpected '}'"),
        dsl("let without =", "let x 3\n" + classify(""), "t.pipe:1:7: expected '=' before '3'"),
        dsl("empty file", "", "t.pipe:1:1: unexpected end of file expected {';', 'include', 'let', 'pipeline', a new line}"),
        dsl("include after the pipeline", classify("") + "include \"x.pipe\"\n", "t.pipe:5:1: unexpected 'include' expected {end of file, ';', a new line}"),
        dsl("number with two dots", classify("train { clip 1.2.3 }"), "t.pipe:3:19: unexpected character '.'", "t.pipe:3:20: unexpected '3'",
            "t.pipe:4:1: unexpected '}' expected {end of file, ';', a new line}"),
        // semantics
        dsl("unknown kind", "pipeline p : classfy {\n}\n",
            "t.pipe:1:14: unknown kind 'classfy'; did you mean 'classify'? (known: classify, forecast, translate)"),
        dsl("missing data", "pipeline p : classify {\n}\n",
            "t.pipe:1:1: missing 'data': where the training data is, e.g. data { train \"train.tsv\"  dev \"dev.tsv\" }"),
        dsl("missing train", "pipeline p : classify {\n  data { dev \"dev.tsv\" }\n}\n",
            "t.pipe:2:8: missing 'data.train': the train data file, or a dataset"),
        dsl("unknown encoder", classify("encoder bilstn(hidden: 8, depth: 3)"),
            "t.pipe:3:11: unknown encoder 'bilstn'; did you mean 'bilstm'? (known: bigru, bilstm, gru, lstm)"),
        dsl("negative dropout", classify("encoder bilstm(dropout: -0.1)"),
            "t.pipe:3:27: 'encoder.dropout' must be between 0 and 0.95, found -0.1"),
        dsl("beam of size 0", translate("search beam(size: 0)"), "t.pipe:5:21: 'search.size' must be between 1 and 100, found 0"),
        dsl("translate without languages", "pipeline t : translate {\n  data { train \"c\"; dev \"d\" }\n}\n",
            "t.pipe:1:1: missing 'source': a translate pipeline needs the source language, e.g. 'source de'",
            "t.pipe:1:1: missing 'target': a translate pipeline needs the target language, e.g. 'target en'"),
        dsl("language that is not a code", "pipeline t : translate {\n  source German\n  target en\n  data { train \"c\"; dev \"d\" }\n}\n",
            "t.pipe:2:10: expected a language code for 'source' (like de, en, pt-BR), found 'German'"),
        dsl("unknown top-level entry", classify("epoch 3"),
            "t.pipe:3:3: unknown entry 'epoch' (known: analyzer, calendar, data, decoder, embeddings, encoder, evaluate, head, kind, pipeline, pooling, scale, search, source, sweep, target, train, vocabulary, window)"),
        dsl("unknown train entry", classify("train { epoch 3 }"),
            "t.pipe:3:11: unknown entry 'train.epoch'; did you mean 'epochs'? (known: average_last, batch, batch_tokens, class_weights, clip, device, early_stop, engine, epochs, label_smoothing, optimizer, schedule, seed)"),
        dsl("text where a number belongs", classify("train { epochs \"ten\" }"),
            "t.pipe:3:18: expected a whole number for 'train.epochs', found the string \"ten\""),
        dsl("fraction where a whole number belongs", classify("train { epochs 2.5 }"),
            "t.pipe:3:18: expected a whole number for 'train.epochs', found the number 2.5"),
        dsl("no checkpoint to average", classify("train { average_last 0 }"),
            "t.pipe:3:24: 'train.average_last' must be between 1 and 100000, found 0"),
        dsl("a fraction of checkpoints to average", translate("train { average_last 2.5 }"),
            "t.pipe:5:24: expected a whole number for 'train.average_last', found the number 2.5"),
        yaml("a negative count of checkpoints to average",
            "pipeline: p\nkind: classify\ndata: {train: train.tsv, dev: dev.tsv}\ntrain:\n  average_last: -3\n",
            "t.yaml:5:17: 'train.average_last' must be between 1 and 100000, found -3"),
        dsl("duplicate entry", classify("train { epochs 2; epochs 3 }"),
            "t.pipe:3:21: duplicate entry 'train.epochs' (first on line 3)"),
        dsl("missing training file", "pipeline p : classify {\n  data { train \"nope.tsv\"; dev \"dev.tsv\" }\n}\n",
            "t.pipe:2:16: file not found: " + dir.resolve("nope.tsv")),
        dsl("pooling in a translate pipeline", translate("pooling max"),
            "t.pipe:5:3: 'pooling' applies to classify pipelines only"),
        dsl("source in a classify pipeline", classify("source de"),
            "t.pipe:3:3: 'source' applies to translate pipelines only"),
        dsl("translation metric in a classify pipeline", classify("evaluate accuracy, bleu"),
            "t.pipe:3:22: unknown metric 'bleu' (known: accuracy, f1_macro, f1_micro, f1_weighted, precision_macro, recall_macro)"),
        dsl("metric name too short", classify("evaluate f1"),
            "t.pipe:3:12: unknown metric 'f1'; did you mean 'f1_macro'? (known: accuracy, f1_macro, f1_micro, f1_weighted, precision_macro, recall_macro)"),
        dsl("early stopping on an unknown metric", classify("train { early_stop(metric: bleu) }"),
            "t.pipe:3:30: unknown train.early_stop.metric 'bleu' (known: accuracy, f1_macro, f1_micro, f1_weighted, loss, precision_macro, recall_macro)"),
        dsl("unknown analyzer preset", classify("analyzer englsh"),
            "t.pipe:3:12: unknown analyzer 'englsh'; did you mean 'english'? (known: english, german, keyword, spanish, standard, whitespace, wordpunct)"),
        dsl("unknown token filter", classify("analyzer standard {\n    lowercas\n  }"),
            "t.pipe:4:5: unknown token filter 'lowercas'; did you mean 'lowercase'? (known: asciiFolding, lowercase, porterStem, snowballPorter, stop)"),
        dsl("unknown char filter", classify("analyzer standard { char_filter html }"),
            "t.pipe:3:35: unknown char filter 'html'; did you mean 'htmlStrip'? (known: htmlStrip, mapping, patternReplace)"),
        dsl("filter followed by a value", classify("analyzer standard { lowercase porterStem }"),
            "t.pipe:3:33: unexpected 'porterStem' after token filter 'lowercase': write parameters as lowercase(name: value), one filter a line"),
        dsl("pretrained embeddings without a file or a dataset", classify("embeddings glove(frozen: true)"),
            "t.pipe:3:14: glove takes exactly one of a file (glove(\"vectors.txt\")) and a dataset (glove(dataset: NAME), "
                + "known: glove-6b-100d)"),
        dsl("pretrained embeddings with a file and a dataset",
            classify("embeddings glove(\"vectors.txt\", dataset: glove-6b-100d)"),
            "t.pipe:3:14: glove takes exactly one of a file (glove(\"vectors.txt\")) and a dataset (glove(dataset: NAME), "
                + "known: glove-6b-100d)"),
        dsl("an unknown vectors dataset", classify("embeddings glove(dataset: glove-6b-10d)"),
            "t.pipe:3:29: unknown vectors dataset 'glove-6b-10d'; did you mean 'glove-6b-100d'? (known: glove-6b-100d)"),
        dsl("word2vec vectors by dataset", classify("embeddings word2vec(dataset: glove-6b-100d)"),
            "t.pipe:3:14: missing 'embeddings.file': word2vec needs its file, e.g. word2vec(\"...\")",
            "t.pipe:3:23: unknown entry 'embeddings.dataset' (known: file)"),
        dsl("embeddings file missing", classify("embeddings word2vec(\"missing.vec\")"),
            "t.pipe:3:23: file not found: " + dir.resolve("missing.vec")),
        dsl("unknown device", classify("train { device \"tpu\" }"),
            "t.pipe:3:18: unknown device 'tpu'; expected auto, cpu, gpu or gpu:N"),
        dsl("unknown engine", classify("train { engine tensorflow }"),
            "t.pipe:3:18: unknown train.engine 'tensorflow' (known: mxnet, pytorch)"),
        dsl("learning rate of zero", classify("train { optimizer adam(lr: 0) }"),
            "t.pipe:3:30: 'train.optimizer.lr' must be between 1.0E-12 and 10, found 0"),
        dsl("unknown optimizer", classify("train { optimizer adamm }"),
            "t.pipe:3:21: unknown train.optimizer 'adamm'; did you mean 'adam'? (known: adam, adamw, sgd)"),
        dsl("undefined variable", "pipeline p : classify {\n  data { train \"${nowhere}/t.tsv\"; dev \"dev.tsv\" }\n}\n",
            "t.pipe:2:16: undefined variable 'nowhere': no 'let nowhere' before it, no environment variable, and no default (${nowhere:-default})"),
        dsl("missing include", "include \"missing.pipe\"\n" + classify(""),
            "t.pipe:1:1: included file not found: " + dir.resolve("missing.pipe")),
        dsl("max_length below min_length", "pipeline p : classify {\n  data { train \"train.tsv\"; dev \"dev.tsv\"; min_length 5; max_length 3 }\n}\n",
            "t.pipe:2:69: 'data.max_length' (3) is below 'data.min_length' (5)"),
        dsl("n-best larger than the beam", translate("search beam(size: 2, n_best: 3)"),
            "t.pipe:5:32: 'search.n_best' must be between 1 and 2, found 3"),
        dsl("number where a boolean belongs", classify("encoder lstm(residual: 1)"),
            "t.pipe:3:26: expected true or false for 'encoder.residual', found the number 1"),
        dsl("test split too large", "pipeline p : classify {\n  data { train \"train.tsv\"; dev \"dev.tsv\"; test_split 0.9 }\n}\n",
            "t.pipe:2:55: 'data.test_split' must be between 0 and 0.5, found 0.9"),
        dsl("positional argument where names are needed", classify("encoder bilstm(256)"),
            "t.pipe:3:18: bilstm(...) takes only named arguments (name: value)"),
        // entries of the other kind, sizes that must fit, files an analyzer reads
        dsl("classify-only entries in a translate pipeline", THEAD.replace("data { train \"c\"; dev \"d\" }",
                "data { dataset uci-sentiment; train \"c\"; dev \"d\" }")
                + "  pooling mean\n  train { class_weights balanced }\n}\n",
            "t.pipe:4:10: 'data.dataset' applies to classify pipelines only (translate data are line-aligned files: train \"PREFIX\")",
            "t.pipe:5:3: 'pooling' applies to classify pipelines only",
            "t.pipe:6:11: 'train.class_weights' applies to classify pipelines only"),
        dsl("translate-only entries in a classify pipeline", classify("search greedy\n  decoder lstm"),
            "t.pipe:4:3: 'decoder' applies to translate pipelines only",
            "t.pipe:3:3: 'search' applies to translate pipelines only"),
        dsl("dot attention between unequal widths", translate("encoder bilstm(hidden: 64)\n  decoder lstm(hidden: 100, attention: luong_dot)"),
            "t.pipe:6:40: luong_dot attention scores the decoder state against the encoder's outputs, so their widths must "
                + "be equal: decoder hidden 100, encoder output 128 (use luong_general or bahdanau, or set the decoder's hidden to 128)"),
        dsl("tied embeddings of another width", translate("embeddings learned(dim: 64)\n  decoder lstm(hidden: 128, tie_embeddings: true)"),
            "t.pipe:6:45: tie_embeddings projects the decoder state through the target embeddings, so the decoder's hidden "
                + "(128) must equal the embeddings' dim (64)"),
        dsl("pretrained vectors in a translate pipeline", translate("embeddings glove(\"vectors.txt\")"),
            "t.pipe:5:14: translate pipelines learn their embeddings: use learned(dim: N), not glove(...)"),
        dsl("missing stop-word file", classify("analyzer standard {\n    stop(words: \"res/stop.txt\")\n  }"),
            "t.pipe:4:17: file not found: " + dir.resolve("res/stop.txt")),
        dsl("subword units of no merges", translate("subword bpe(merges: 0)"),
            "t.pipe:5:23: 'subword.merges' must be between 1 and 10000000, found 0"),
        dsl("unknown subword units", classify("subword wordpiece"),
            "t.pipe:3:11: unknown subword 'wordpiece' (known: bpe, sentencepiece)"),
        dsl("misspelt subword units", classify("subword sentencepeice(\"spm.model\")"),
            "t.pipe:3:11: unknown subword 'sentencepeice'; did you mean 'sentencepiece'? (known: bpe, sentencepiece)"),
        dsl("missing SentencePiece model", translate("subword sentencepiece(source: \"spm.model\", target: \"en.model\")"),
            "t.pipe:5:54: file not found: " + dir.resolve("en.model")),
        dsl("SentencePiece without a model", translate("subword sentencepiece"),
            "t.pipe:5:11: sentencepiece takes one model, sentencepiece(\"spm.model\"), or one per language, "
                + "sentencepiece(source: \"de.model\", target: \"en.model\") (either may be left out)"),
        dsl("one SentencePiece model and one per language", translate("subword sentencepiece(\"spm.model\", source: \"spm.model\")"),
            "t.pipe:5:11: sentencepiece takes one model, sentencepiece(\"spm.model\"), or one per language, "
                + "sentencepiece(source: \"de.model\", target: \"en.model\") (either may be left out)"),
        dsl("BPE on neither side", translate("subword bpe(source: false, target: false)"),
            "t.pipe:5:38: bpe(source: false, target: false) splits neither side; remove the subword entry for whole tokens"),
        dsl("BPE sides in a classify pipeline", classify("subword bpe(target: false)"),
            "t.pipe:3:23: bpe(target: false) applies to translate pipelines only"),
        dsl("SentencePiece models per language in a classify pipeline", classify("subword sentencepiece(target: \"spm.model\")"),
            "t.pipe:3:33: sentencepiece(source: ..., target: ...) applies to translate pipelines only: name one model, "
                + "sentencepiece(\"spm.model\")"),
        dsl("unknown SentencePiece parameter", classify("subword sentencepiece(\"spm.model\", joint: true)"),
            "t.pipe:3:38: unknown entry 'subword.joint' (known: model, source, target)"),
        dsl("early stop on chrf in a translate pipeline", translate("train { early_stop(metric: chrf) }"),
            "t.pipe:5:11: translate pipelines stop early on dev bleu (greedy search), not 'chrf'"),
        // sweep blocks: each key and value checked as --set checks it, located where the block writes it
        dsl("unknown sweep key", classify("sweep { grid { encoder.hiden [8, 16] } }"),
            "t.pipe:3:18: unknown entry 'encoder.hiden'; did you mean 'hidden'? (known: dropout, hidden, input_dropout, layers, type, "
                + "word_dropout)"),
        dsl("unknown sweep section", classify("sweep { grid { trian.epochs [1, 2] } }"),
            "t.pipe:3:18: unknown entry 'trian'; did you mean 'train'? (known: analyzer, calendar, data, decoder, "
            + "embeddings, encoder, evaluate, head, kind, pipeline, pooling, scale, search, source, sweep, target, train, "
            + "vocabulary, window)"),
        dsl("sweep value of the wrong type", classify("sweep { grid { train.epochs [3, ten] } }"),
            "t.pipe:3:35: expected a whole number for 'train.epochs', found 'ten'"),
        dsl("sweep value out of range", classify("sweep { grid { encoder.dropout [0.2, 1.5] } }"),
            "t.pipe:3:40: 'encoder.dropout' must be between 0 and 0.95, found 1.5"),
        dsl("sweep value inside a call out of range", classify("sweep { grid { train.optimizer [adam(lr: 20)] } }"),
            "t.pipe:3:44: 'train.optimizer.lr' must be between 1.0E-12 and 10, found 20"),
        dsl("range with LOW above HIGH", classify("sweep { random 4; range { train.optimizer.lr [1e-2, 1e-4] } }"),
            "t.pipe:3:55: a range needs LOW < HIGH, found 1e-2 and 1e-4"),
        dsl("log range from 0", classify("sweep { random 4; range { train.label_smoothing [0, 0.2, log] } }"),
            "t.pipe:3:52: a log range needs bounds above 0, found 0"),
        dsl("range bound out of range", classify("sweep { random 4; range { encoder.dropout [0.1, 2.0] } }"),
            "t.pipe:3:51: 'encoder.dropout' must be between 0 and 0.95, found 2.0"),
        dsl("range that is not two numbers", classify("sweep { random 4; range { encoder.hidden [8] } }"),
            "t.pipe:3:44: expected [LOW, HIGH] or [LOW, HIGH, log] for 'sweep.range.encoder.hidden', found a list"),
        dsl("range without random", classify("sweep { range { encoder.hidden [8, 64] } }"),
            "t.pipe:3:17: 'sweep.range' needs 'random N', the number of trials to draw"),
        dsl("key swept twice", classify("sweep {\n    grid { encoder.hidden [8] }\n    random 2\n    range { encoder.hidden [8, 64] }\n  }"),
            "t.pipe:6:13: 'encoder.hidden' is swept twice (first on line 4); give it one grid or one range"),
        dsl("sweep of the pipeline's kind", classify("sweep { grid { kind [translate] } }"),
            "t.pipe:3:18: a sweep varies the pipeline's settings, not its 'kind'"),
        dsl("empty sweep", classify("sweep { halving true }"),
            "t.pipe:3:9: missing 'sweep.grid': the values to try, e.g. grid { encoder.hidden [64, 128] }, or random N with a range"),
        dsl("unknown sweep entry", classify("sweep { grid { encoder.hidden [8] }; seeds 3 }"),
            "t.pipe:3:40: unknown entry 'sweep.seeds'; did you mean 'seed'? (known: grid, halving, random, range, seed)"),
        dsl("sweep value that breaks another entry", translate("encoder bilstm(hidden: 64)\n  decoder lstm(hidden: 128, attention: luong_dot)\n  sweep { grid { encoder.hidden [64, 32] } }"),
            "t.pipe:7:38: with encoder.hidden set to the number 32: luong_dot attention scores the decoder state "
            + "against the encoder's outputs, so their widths must be equal: decoder hidden 128, encoder output 64 (use "
            + "luong_general or bahdanau, or set the decoder's hidden to 64) (t.pipe:6:40)"),
        yaml("YAML sweep value of the wrong type", "pipeline: p\nkind: classify\ndata: {train: train.tsv, dev: dev.tsv}\n"
            + "sweep:\n  grid:\n    encoder.hidden: [8, \"wide\"]\n",
            "t.yaml:6:25: expected a whole number for 'encoder.hidden', found the string \"wide\""),
        // YAML
        yaml("malformed YAML", "pipeline: p\nkind: classify\ndata:\n  train: a\n dev: b\n",
            "t.yaml:5:2: malformed YAML: while parsing a block mapping"),
        yaml("duplicate YAML key", "pipeline: p\nkind: classify\nkind: translate\ndata: {train: train.tsv, dev: dev.tsv}\n",
            "t.yaml:3:1: duplicate key 'kind' (first on line 2)"),
        yaml("YAML list at the root", "- a\n- b\n", "t.yaml:1:1: expected a YAML mapping with 'pipeline' and 'kind', found a list"),
        yaml("unknown encoder type in YAML", "pipeline: p\nkind: classify\ndata: {train: train.tsv, dev: dev.tsv}\nencoder: {type: transformer}\n",
            "t.yaml:4:17: unknown encoder.type 'transformer' (known: bigru, bilstm, gru, lstm)"),
        yaml("YAML string where a number belongs", "pipeline: p\nkind: classify\ndata: {train: train.tsv, dev: dev.tsv}\ntrain:\n  epochs: ten\n",
            "t.yaml:5:11: expected a whole number for 'train.epochs', found the string \"ten\""),
        yaml("empty YAML", "", "t.yaml:1:1: expected a YAML mapping with 'pipeline' and 'kind', found an empty file"));
  }

  private static Arguments dsl(String name, String text, String... expected) {
    return Arguments.of(name, "t.pipe", text, List.of(expected));
  }

  private static Arguments yaml(String name, String text, String... expected) {
    return Arguments.of(name, "t.yaml", text, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheseProblems(String name, String source, String text, List<String> expected) {
    Format format = source.endsWith(".pipe") ? Format.PIPE : Format.YAML;
    assertThatThrownBy(() -> PipelineFiles.parse(text, source, format, dir, List.of(), TestNames.INSTANCE, n -> null))
        .isInstanceOfSatisfying(PipelineException.class, e -> assertThat(
            e.problems().stream().map(Problem::toString).map(line -> line.replace(dir + "/", dir.toString() + "/")))
            .containsExactlyElementsOf(expected));
  }

  @Test
  void tableIsLargeEnough() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void everyProblemOfAFileIsReported() {
    String text = "pipeline p : classify {\n  data { train \"train.tsv\"; dev \"dev.tsv\" }\n"
        + "  encoder bilstm(dropout: 2)\n  pooling average\n  train { epochs 0 }\n}\n";
    assertThatThrownBy(() -> PipelineFiles.parse(text, "t.pipe", Format.PIPE, dir, List.of(), TestNames.INSTANCE, n -> null))
        .isInstanceOfSatisfying(PipelineException.class, e -> assertThat(e.problems()).hasSize(3))
        .hasMessageContaining("t.pipe:3:27: ").hasMessageContaining("t.pipe:4:11: ").hasMessageContaining("t.pipe:5:18: ");
  }

  @Test
  void overridesAreTypeCheckedAndLocated() {
    String text = classify("");
    assertThatThrownBy(() -> PipelineFiles.parse(text, "t.pipe", Format.PIPE, dir, List.of("train.epochs=three"),
            TestNames.INSTANCE, n -> null))
        .hasMessage("--set train.epochs:1:1: expected a whole number for 'train.epochs', found 'three'");
    assertThatThrownBy(() -> PipelineFiles.parse(text, "t.pipe", Format.PIPE, dir, List.of("epochs"),
            TestNames.INSTANCE, n -> null))
        .hasMessage("--set epochs:1:1: expected KEY=VALUE, e.g. train.epochs=3");
    assertThatThrownBy(() -> PipelineFiles.parse(text, "t.pipe", Format.PIPE, dir, List.of("trian.epochs=3"),
            TestNames.INSTANCE, n -> null))
        .hasMessageStartingWith("--set trian.epochs:1:1: unknown entry 'trian'; did you mean 'train'?");
  }

  @Test
  void overridesReplaceValuesAtAnyDepth() {
    String text = classify("train { optimizer adam(lr: 1e-3) }");
    LoadedPipeline loaded = PipelineFiles.parse(text, "t.pipe", Format.PIPE, dir,
        List.of("train.epochs=3", "train.optimizer.lr=1e-4", "data.test=train.tsv", "encoder=gru(hidden: 16)"),
        TestNames.INSTANCE, n -> null);
    assertThat(loaded.spec().train().epochs()).isEqualTo(3);
    assertThat(loaded.spec().train().optimizer().number("lr")).isEqualTo(1e-4);
    assertThat(loaded.spec().data().test()).isEqualTo("train.tsv");
    assertThat(loaded.spec().encoder().hidden()).isEqualTo(16);
    assertThat(loaded.resolve(loaded.spec().data().test())).isEqualTo(dir.resolve("train.tsv"));
  }

  @Test
  void variablesEnvironmentDefaultsAndIncludes() throws Exception {
    Files.writeString(dir.resolve("base.pipe"), "let folder = \".\"\ntrain { epochs 7; batch 8 }\nencoder gru\n");
    String text = "include \"base.pipe\"\nlet file = \"${folder}/train.tsv\"\n"
        + "pipeline p : classify {\n  data { train \"${file}\"; dev \"${DEV:-dev.tsv}\" }\n  train { epochs ${EPOCHS} }\n}\n";
    LoadedPipeline loaded = PipelineFiles.parse(text, "t.pipe", Format.PIPE, dir, List.of(), TestNames.INSTANCE,
        Map.of("EPOCHS", "4")::get);
    assertThat(loaded.spec().data().train()).isEqualTo("./train.tsv");
    assertThat(loaded.spec().data().dev()).isEqualTo("dev.tsv");
    assertThat(loaded.spec().train().epochs()).isEqualTo(4);
    assertThat(loaded.spec().train().batchSize()).isEqualTo(8);
    assertThat(loaded.spec().encoder().type()).isEqualTo("gru");
  }

  @Test
  void includeCyclesAreReported() throws Exception {
    Files.writeString(dir.resolve("a.pipe"), "include \"b.pipe\"\n");
    Files.writeString(dir.resolve("b.pipe"), "include \"a.pipe\"\n");
    assertThatThrownBy(() -> PipelineFiles.parse("include \"a.pipe\"\n" + classify(""), "t.pipe", Format.PIPE, dir,
            List.of(), TestNames.INSTANCE, n -> null))
        .hasMessage(dir.resolve("b.pipe") + ":1:1: include cycle: a.pipe -> b.pipe -> a.pipe");
  }
}
