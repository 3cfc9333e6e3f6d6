package daxlab.kernel;

import daxlab.axiomatic.Execution;
import daxlab.chart.Charts;
import daxlab.chart.Picture;
import daxlab.interleave.Schedule;
import daxlab.lab.LitmusResult;
import daxlab.outcome.Histogram;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * How daxlab's results look in a notebook. Every picture goes out as PNG, SVG and text: the
 * notebook shows the best it can, nbconvert's HTML takes the PNG (see {@code NotebooksCommand}),
 * and a terminal client prints the table.
 */
final class Renderers {
    private Renderers() {
    }

    static void register(Renderer renderer) {
        renderer.createRegistration(Picture.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
                .register(Renderers::picture);
        renderer.createRegistration(Histogram.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
                .register((h, ctx) -> picture(Charts.histogram(h), ctx));
        renderer.createRegistration(daxlab.verdict.Matrix.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register((m, ctx) -> picture(Charts.matrix(m), ctx));
        renderer.createRegistration(daxlab.verdict.Review.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register((r, ctx) -> picture(Charts.matrix(r.matrix()), ctx));
        renderer.createRegistration(Schedule.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
                .register((s, ctx) -> picture(Charts.timeline(s), ctx));
        renderer.createRegistration(Execution.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
                .register((x, ctx) -> picture(Charts.execution("witness execution", x), ctx));
        // herd7's layout above the chart: as HTML where a notebook renders it, each part alone otherwise.
        renderer.createRegistration(LitmusResult.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((r, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> litmusHtml(r));
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> r.chart().pngBase64());
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, r::text);
                });
        renderer.createRegistration(JavaRepl.NullValue.class)
                .preferring(MIMEType.TEXT_PLAIN)
                .register((n, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "null"));
    }

    static String litmusHtml(LitmusResult r) {
        String text = r.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<pre>" + text + "</pre>\n<img alt=\"" + r.test().name().replace("\"", "&quot;")
                + "\" src=\"data:image/png;base64," + r.chart().pngBase64() + "\"/>";
    }

    private static void picture(Picture p, RenderContext ctx) {
        ctx.renderIfRequested(MIMEType.IMAGE_PNG, p::pngBase64);
        ctx.renderIfRequested(MIMEType.IMAGE_SVG, p::svg);
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, p::text);
    }
}
