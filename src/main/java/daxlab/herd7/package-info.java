/**
 * herd7 itself, as the oracle of our engines: finding and running it ({@link daxlab.herd7.Herd7},
 * {@link daxlab.herd7.Herd7Run}), the models it runs a dax litmus file under and the engines that
 * answer for each ({@link daxlab.herd7.Herd7Model}), the comparison of every exported file
 * ({@link daxlab.herd7.Conformance}, shared by {@code daxlab conformance} and the build's test),
 * the differences that are understood ({@link daxlab.herd7.KnownDifferences}), and herd7's answers
 * kept in the project ({@link daxlab.herd7.Recording}).
 *
 * <pre>
 *   DaxExport.all() --write--&gt; NAME.litmus --herd7 (Herd7Model.options)--&gt; Herd7Run --parse--&gt; Herd7Result
 *   NAME.litmus --LitmusParser, LitmusRun (each engine of the model)--&gt; Herd7Result --differencesFrom--&gt; Check
 *   Herd7Run.stdout --Recording.write--&gt; src/main/resources/daxlab/herd7/dax/NAME.lkmm.herd7, NAME.sc.herd7
 * </pre>
 *
 * herd7 is never needed to build or test the project: the user brings their own.
 */
package daxlab.herd7;
