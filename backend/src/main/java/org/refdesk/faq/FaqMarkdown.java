package org.refdesk.faq;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * An FAQ's answer from Markdown to HTML that is safe to put into a page as it is: raw HTML is
 * escaped (shown as text), links keep only http, https and mailto addresses, and images become
 * links, so an answer never loads anything from another site into the widget or the public page.
 * Links open in a new tab without telling the target where they came from.
 */
final class FaqMarkdown {

  private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

  private static final HtmlRenderer HTML =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(Set.of("http", "https", "mailto")))
          .attributeProviderFactory(context -> new LinkAttributes())
          .build();

  private static final TextContentRenderer TEXT =
      TextContentRenderer.builder().extensions(EXTENSIONS).build();

  private FaqMarkdown() {}

  static String html(String markdown) {
    var document = PARSER.parse(markdown);
    document.accept(new ImagesAsLinks());
    return HTML.render(document);
  }

  /** The answer as plain text, cut at a word near {@code chars}, for lists of results. */
  static String excerpt(String markdown, int chars) {
    var text = TEXT.render(PARSER.parse(markdown)).replaceAll("\\s+", " ").strip();
    if (text.length() <= chars) {
      return text;
    }
    int cut = text.lastIndexOf(' ', chars);
    return text.substring(0, cut > chars / 2 ? cut : chars).strip() + "…";
  }

  /** Replaces each image by a link to it, its description as the link's words. */
  private static final class ImagesAsLinks extends AbstractVisitor {
    @Override
    public void visit(Image image) {
      var link = new Link(image.getDestination(), image.getTitle());
      Node child = image.getFirstChild();
      while (child != null) {
        var next = child.getNext();
        link.appendChild(child);
        child = next;
      }
      image.insertBefore(link);
      image.unlink();
      visitChildren(link);
    }
  }

  private static final class LinkAttributes implements AttributeProvider {
    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (node instanceof Link) {
        attributes.put("target", "_blank");
        attributes.put("rel", "noopener noreferrer nofollow");
      }
    }
  }
}
