package org.refdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The browser's addresses are written twice, in the features' {@code *Addresses} classes and in
 * shared/addresses.js; a misspelt one would be refused by the bridge with no other sign.
 */
@DisplayName("The browser's copy of the event-bus addresses")
class BrowserAddressesTest {

  private static final Path ADDRESSES_JS =
      Path.of("..", "frontend", "src", "main", "resources", "webroot", "shared", "addresses.js");
  private static final Pattern JS_CONSTANT = Pattern.compile("export const (\\w+) = '([^']+)';");
  private static final Pattern JS_FAMILY =
      Pattern.compile("export const (\\w+) = \\(\\w+\\) => `([\\w.-]+)\\$\\{\\w+}`;");

  /** Addresses only nodes use; the bridge lets no browser near them. */
  private static final String SERVER_ONLY = "refdesk.";

  @Test
  @DisplayName(
      "every address the server offers browsers is in addresses.js under the same name, and nothing else is")
  void sameAddresses() throws IOException, IllegalAccessException {
    var serverConstants = new TreeMap<String, String>();
    var serverFamilies = new TreeSet<String>();
    var holders =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.refdesk")
                .stream()
                .filter(c -> c.getSimpleName().endsWith("Addresses"))
                .toList();
    assertFalse(holders.isEmpty());
    for (var holder : holders) {
      for (Field field : holder.reflect().getFields()) {
        if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
          continue;
        }
        var value = (String) field.get(null);
        // Event types and change names carry no dot; an address always has one.
        if (!value.contains(".") || value.startsWith(SERVER_ONLY)) {
          continue;
        }
        if (value.endsWith(".")) {
          serverFamilies.add(value);
        } else {
          serverConstants.put(field.getName(), value);
        }
      }
    }

    var js = Files.readString(ADDRESSES_JS);
    Map<String, String> browserConstants = new TreeMap<>();
    JS_CONSTANT.matcher(js).results().forEach(m -> browserConstants.put(m.group(1), m.group(2)));
    var browserFamilies = new TreeSet<String>();
    JS_FAMILY.matcher(js).results().forEach(m -> browserFamilies.add(m.group(2)));

    assertEquals(serverConstants, browserConstants, "addresses browsers send to");
    assertEquals(serverFamilies, browserFamilies, "families of addresses browsers listen on");
  }
}
