package org.refdesk.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The error table in docs/protocol.md is the contract outside clients code against. */
@DisplayName("Published error codes")
class PublishedErrorCodesTest {

  private static final Path PROTOCOL = Path.of("..", "docs", "protocol.md");
  private static final Pattern ROW =
      Pattern.compile("^\\| (\\d{4}) \\| `([a-z_]+)` \\| (\\d{3}) \\|.*");

  @Test
  @DisplayName(
      "the table in docs/protocol.md lists every code with its number and status, and nothing else")
  void tableMatchesTheCode() throws IOException {
    var published =
        Files.readAllLines(PROTOCOL).stream()
            .map(ROW::matcher)
            .filter(Matcher::matches)
            .map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3))
            .toList();
    var inCode =
        Arrays.stream(ErrorCode.values())
            .map(c -> c.failureCode() + " " + c.code() + " " + c.status())
            .toList();
    assertEquals(inCode, published);
  }

  @Test
  @DisplayName(
      "each number and each code names one error, and a failure number leads back to its code")
  void numbersAreUnique() {
    var numbers = new HashSet<Integer>();
    var codes = new HashSet<String>();
    for (var code : ErrorCode.values()) {
      assertTrue(numbers.add(code.failureCode()), "number used twice: " + code.failureCode());
      assertTrue(codes.add(code.code()), "code used twice: " + code.code());
      assertEquals(code, ErrorCode.fromFailureCode(code.failureCode()));
    }
    assertEquals(ErrorCode.INTERNAL, ErrorCode.fromFailureCode(999));
  }
}
