package dev.reelskit.contract.internal.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML in the shape CI systems render (Jenkins, GitLab, GitHub reporters): one
 * {@code testsuite} per rule family, each {@code testcase} named by its rule's id and title (and
 * its case) with the family as its class. A rule failure is a {@code failure}, a run that could not
 * judge is an {@code error}, a skipped rule says why. Written with the JDK's StAX writer; every
 * text is masked and stripped of characters XML 1.0 forbids.
 */
public final class JUnitXml {

  /** The file's name in the reports directory. */
  public static final String FILE = "TEST-reels-contract.xml";

  private static final int MAX_MESSAGE = 1_000;
  private static final int MAX_TEXT = 64 * 1024;

  private JUnitXml() {}

  public static Path write(RunReport report, Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    Map<String, List<Case>> families = new LinkedHashMap<>();
    for (Case c : report.cases()) {
      families.computeIfAbsent(c.familyName(), k -> new java.util.ArrayList<>()).add(c);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "Reels API contract");
      counts(xml, report.cases(), report.wallMillis());
      for (Map.Entry<String, List<Case>> family : families.entrySet()) {
        suite(xml, report, family.getKey(), family.getValue());
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static void suite(XMLStreamWriter xml, RunReport report, String name, List<Case> cases)
      throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", name);
    counts(xml, cases, cases.stream().mapToLong(Case::millis).sum());
    xml.writeAttribute(
        "timestamp",
        DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
            report.started().atOffset(ZoneOffset.UTC).withNano(0)));
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "base-url", report.baseUrl());
    property(xml, "budget", report.budget());
    xml.writeEndElement();
    for (Case c : cases) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("name", clean(c.name(), MAX_MESSAGE));
      xml.writeAttribute("classname", name);
      xml.writeAttribute("time", seconds(c.millis()));
      switch (c.status()) {
        case PASSED -> {}
        case SKIPPED -> {
          xml.writeStartElement("skipped");
          xml.writeAttribute("message", clean(c.headline(), MAX_MESSAGE));
          xml.writeEndElement();
        }
        case FAILED -> {
          xml.writeStartElement(c.configuration() ? "error" : "failure");
          xml.writeAttribute("message", clean(c.headline(), MAX_MESSAGE));
          xml.writeAttribute(
              "type", c.configuration() ? "ContractConfigurationException" : "ContractViolation");
          xml.writeCharacters(clean(c.detail(), MAX_TEXT));
          xml.writeEndElement();
        }
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void counts(XMLStreamWriter xml, List<Case> cases, long millis)
      throws XMLStreamException {
    long failures =
        cases.stream().filter(c -> c.status() == Case.Status.FAILED && !c.configuration()).count();
    long errors =
        cases.stream().filter(c -> c.status() == Case.Status.FAILED && c.configuration()).count();
    long skipped = cases.stream().filter(c -> c.status() == Case.Status.SKIPPED).count();
    xml.writeAttribute("tests", String.valueOf(cases.size()));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", String.valueOf(errors));
    xml.writeAttribute("skipped", String.valueOf(skipped));
    xml.writeAttribute("time", seconds(millis));
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(value, MAX_MESSAGE));
    xml.writeEndElement();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Cut to {@code max} characters, and no character XML 1.0 forbids (a server chose the text). */
  static String clean(String text, int max) {
    if (text == null) {
      return "";
    }
    String cut = text.length() <= max ? text : text.substring(0, max) + "...";
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      boolean allowed =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || Character.isSurrogate(c);
      out.append(allowed ? c : '\uFFFD');
    }
    return out.toString();
  }
}
