import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.unspin.text.LmText;

/**
 * Writes the sentences Unspin's LM builder sees in a text file, one per line as space-joined LM
 * forms, so that KenLM and IRSTLM can be trained and tested on exactly the same token stream
 * (BENCHMARKS.md §1). Run as a single-file program:
 * {@code java -cp unspin-cli/target/unspin.jar bench/LmTextDump.java IN.txt OUT.txt}.
 */
public class LmTextDump {
  public static void main(String[] args) throws Exception {
    try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        PrintWriter w = new PrintWriter(new BufferedWriter(Files.newBufferedWriter(Path.of(args[1]),
            StandardCharsets.UTF_8)))) {
      String line;
      while ((line = r.readLine()) != null) {
        LmText.forEachSentence(line, (forms, n) -> w.println(String.join(" ", Arrays.copyOf(forms, n))));
      }
    }
  }
}
