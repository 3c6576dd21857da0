package dev.reelskit.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class TimelineSvgTest {

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static NodeList nodes(Document d, String xpath) throws Exception {
    return (NodeList)
        XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
  }

  private static final Lane JOB =
      new Lane(
          "job 7 www.instagram.com/reel/<code>/",
          "done after 4.0 s",
          List.of(
              Mark.submit(0, 202, "pending", ""),
              Mark.poll(10, 200, "pending", ""),
              Mark.tooMany(1000, 2000, ""),
              Mark.poll(3000, 200, "processing", ""),
              Mark.poll(4000, 500, null, "server hiccup"),
              Mark.poll(5000, 200, "done", ""),
              Mark.failure(5000, "RC-LIFE-003", "done job changed"),
              Mark.poll(6000, 200, "finished", "")));

  @Test
  void each_poll_is_a_circle_in_its_status_colour_and_a_non_200_is_hollow_with_its_code()
      throws Exception {
    Document svg = parse(new Timeline("Jobs", "wall time", List.of(JOB)).toSvg());

    // Legend: 4 status circles and one hollow; lane: 5 polls.
    NodeList circles = nodes(svg, "//g/circle");
    assertThat(circles.getLength()).isEqualTo(5);
    List<String> fills = new ArrayList<>();
    for (int i = 0; i < circles.getLength(); i++) {
      fills.add(circles.item(i).getAttributes().getNamedItem("fill").getNodeValue());
    }
    // pending grey, processing blue, 500 hollow white, done green, an invented status purple
    assertThat(fills).containsExactly("#9e9e9e", "#1e88e5", "#ffffff", "#2e7d32", "#8e24aa");
    assertThat(nodes(svg, "//g[circle[@fill='#ffffff']]/text").item(0).getTextContent())
        .isEqualTo("500");
  }

  @Test
  void a_429_is_a_triangle_with_its_wait_as_a_bar_as_long_as_the_retry_after() throws Exception {
    Document svg = parse(new Timeline("Jobs", "wall time", List.of(JOB)).toSvg());

    NodeList bar = nodes(svg, "//g[path]/rect");
    assertThat(bar.getLength()).isEqualTo(1);
    double x = Double.parseDouble(bar.item(0).getAttributes().getNamedItem("x").getNodeValue());
    double w = Double.parseDouble(bar.item(0).getAttributes().getNamedItem("width").getNodeValue());
    // The axis runs from 260 to 976 over 6000 ms * 1.04: 1 s is about 114.7 px.
    double second = (1000 - 260 - 24) / (6000 * 1.04) * 1000;
    assertThat(x).isCloseTo(260 + second, org.assertj.core.data.Offset.offset(0.2));
    assertThat(w).isCloseTo(2 * second, org.assertj.core.data.Offset.offset(0.2));
    assertThat(nodes(svg, "//g[path]/title").item(0).getTextContent())
        .isEqualTo("429 at 1.00 s, Retry-After 2.00 s");
  }

  @Test
  void a_failed_rule_is_a_red_line_labelled_with_its_id_at_its_moment() throws Exception {
    Document svg = parse(new Timeline("Jobs", "wall time", List.of(JOB)).toSvg());

    NodeList failure = nodes(svg, "//g[line[@stroke='#c62828']]");
    assertThat(failure.getLength()).isEqualTo(1);
    assertThat(nodes(svg, "//g[line[@stroke='#c62828']]/text").item(0).getTextContent())
        .isEqualTo("RC-LIFE-003");
    assertThat(nodes(svg, "//g[line[@stroke='#c62828']]/title").item(0).getTextContent())
        .isEqualTo("RC-LIFE-003: done job changed (at 5.00 s)");
  }

  @Test
  void text_a_server_controls_is_escaped_and_characters_xml_forbids_are_replaced()
      throws Exception {
    Lane hostile =
        new Lane(
            "<script>alert(1)</script>",
            "\u0000\u0007\"'&",
            List.of(Mark.poll(5, 200, "<img src=x onerror=alert(1)>", "</title><script>")));

    String svg = new Timeline("t & <b>", "axis", List.of(hostile)).toSvg();

    assertThat(svg).doesNotContain("<script", "<img", "<b>", "\u0000");
    assertThat(parse(svg).getDocumentElement().getNodeName()).isEqualTo("svg");
  }

  @Test
  void the_picture_is_bounded_whatever_the_traffic() throws Exception {
    List<Mark> many = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      many.add(Mark.poll(i, 200, "processing", ""));
    }
    List<Lane> lanes = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      lanes.add(new Lane("job " + i, "", many));
    }

    String svg = new Timeline("flood", "time", lanes).toSvg();

    assertThat(svg.length()).isLessThan(20_000_000);
    assertThat(svg).contains("460 more lanes not drawn", "99400 more not drawn");
    assertThat(parse(svg).getDocumentElement().getNodeName()).isEqualTo("svg");
  }

  @Test
  void ticks_are_round_and_at_most_ten() {
    assertThat(TimelineSvg.step(1_040)).isEqualTo(100);
    assertThat(TimelineSvg.step(6_240)).isEqualTo(1_000);
    assertThat(TimelineSvg.step(252_000)).isEqualTo(50_000);
  }
}
