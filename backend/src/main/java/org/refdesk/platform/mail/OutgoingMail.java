package org.refdesk.platform.mail;

/**
 * One e-mail to one recipient, as a feature writes it: both bodies are ready to send, with every
 * user text already escaped in the HTML one.
 */
public record OutgoingMail(String to, String subject, String text, String html) {}
