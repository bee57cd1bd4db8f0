package org.refdesk.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A draft from a chat keeps the words and drops what identifies the patron")
class FaqDraftTest {

  @Test
  @DisplayName("e-mail addresses, phone numbers and card numbers become marks; short numbers stay")
  void identifiersAreRemoved() {
    assertEquals(
        "Write to [e-mail] or call [number] (ext 12); card [number], since 1850, floor 3.",
        FaqDraft.redact(
            "Write to j.doe+lib@mail.example.co.uk or call +1 (555) 867-5309 (ext 12); card 4111 1111 1111 1111, since 1850, floor 3.",
            null));
    assertEquals("My number is [number].", FaqDraft.redact("My number is 0612345678.", null));
  }

  @Test
  @DisplayName("each word of the patron's name goes, in any case, but not inside other words")
  void nameIsRemoved() {
    assertEquals(
        "Thanks [name] [name], [name] here; Samuel and same stay.",
        FaqDraft.redact("Thanks Sam O'Neil, SAM here; Samuel and same stay.", "Sam O'Neil"));
    assertEquals("Guest books are here.", FaqDraft.redact("Guest books are here.", "Guest"));
  }

  @Test
  @DisplayName(
      "a short question takes the patron's next words; the answer is the librarians' messages")
  void questionAndAnswer() {
    assertEquals(
        "hello Do you have maps of Lisbon from 1900?",
        FaqDraft.question(
            "hello", List.of("hello", "Do you have maps of Lisbon from 1900?", "thanks"), "Ana"));
    assertEquals(
        "We do.\n\nThey are in room 4, [name].",
        FaqDraft.answer(List.of("We do.", "They are in room 4, Ana."), "Ana"));
  }
}
