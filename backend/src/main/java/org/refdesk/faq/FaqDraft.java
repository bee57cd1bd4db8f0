package org.refdesk.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An FAQ draft from an ended chat: the question in the patron's words, the answer in what the
 * librarians sent, with what identifies the patron taken out before anyone else reads it: e-mail
 * addresses, phone numbers and other long runs of digits (card numbers, library card numbers), and
 * each word of the patron's name. The admin who reviews it sees the placeholders and words it anew.
 */
final class FaqDraft {

  static final String EMAIL_MARK = "[e-mail]";
  static final String NUMBER_MARK = "[number]";
  static final String NAME_MARK = "[name]";

  /** Short questions ("hi", "help") are followed by the patron's next words, up to this length. */
  private static final int SHORT_QUESTION = 40;

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}.\\-]+\\.[\\p{L}]{2,}");

  /**
   * Digits with the spaces, dots, dashes, slashes and brackets people write between them; a run of
   * seven digits or more is a phone or card number, and a short number (a year, a floor) is kept.
   */
  private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d[\\d\\s().\\-/]*\\d");

  private static final int LONG_DIGITS = 7;

  private FaqDraft() {}

  /** The question: the patron's question, then their first messages while it is short. */
  static String question(String asked, List<String> patronMessages, String patronName) {
    var question = new StringBuilder(asked == null ? "" : asked.strip());
    for (var more : patronMessages) {
      if (question.length() >= SHORT_QUESTION) {
        break;
      }
      if (!more.strip().equals(question.toString())) {
        question.append(question.length() == 0 ? "" : " ").append(more.strip());
      }
    }
    return cut(redact(question.toString(), patronName), FaqLimits.QUESTION_CHARS);
  }

  /** The answer: the librarians' messages in order, one paragraph each. */
  static String answer(List<String> operatorMessages, String patronName) {
    var paragraphs = new ArrayList<String>();
    operatorMessages.forEach(text -> paragraphs.add(redact(text.strip(), patronName)));
    return cut(String.join("\n\n", paragraphs), FaqLimits.ANSWER_CHARS);
  }

  /** The text with e-mail addresses, long numbers and the patron's name replaced by marks. */
  static String redact(String text, String patronName) {
    var withoutEmails = EMAIL.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL_MARK));
    var numbers = DIGIT_RUN.matcher(withoutEmails);
    var withoutNumbers = new StringBuilder();
    while (numbers.find()) {
      var run = numbers.group();
      long digits = run.chars().filter(Character::isDigit).count();
      numbers.appendReplacement(
          withoutNumbers, Matcher.quoteReplacement(digits >= LONG_DIGITS ? NUMBER_MARK : run));
    }
    numbers.appendTail(withoutNumbers);
    var result = withoutNumbers.toString();
    for (var word : nameWords(patronName)) {
      result =
          Pattern.compile(
                  "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                  Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
              .matcher(result)
              .replaceAll(Matcher.quoteReplacement(NAME_MARK));
    }
    return result;
  }

  /** The words of a patron's name worth taking out: not "Guest", not a single letter. */
  private static List<String> nameWords(String name) {
    if (name == null) {
      return List.of();
    }
    var words = new ArrayList<String>();
    for (var word : name.split("[^\\p{L}\\p{N}'\\-]+")) {
      if (word.length() >= 2 && !"guest".equals(word.toLowerCase(Locale.ROOT))) {
        words.add(word);
      }
    }
    return words;
  }

  private static String cut(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, chars - 1).strip() + "…";
  }
}
