// JupyterLab in a real browser (Debian's Chromium, headless, driven by playwright-core): the
// gallery's getting-started and charts notebooks run top to bottom with this kernel, and the
// HTML table and the Vega-Lite chart are drawn on the page; a wide table with long strings keeps
// its shape, measured on the page, both as a cell the user ran shows it and as an untrusted
// notebook's saved output (sanitized by JupyterLab) shows it; typing in a cell and pressing Tab
// completes a DataFrame's column names and a %%sql cell's view names. Screenshots go to
// .test-results/browser/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { tableFromArrays } from "apache-arrow";
import { tableBundle } from "../../src/render";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { runCell, startJupyterServer, type JupyterServer } from "../support/jupyterServer";

const root = path.resolve(__dirname, "..", "..");
const shots = path.join(root, ".test-results", "browser");
const CHROMIUM = process.env.SPARK_TS_CHROMIUM ?? "/usr/bin/chromium";

// The wide table of the issue: 200 rows of 31 columns, one a 200-character string with spaces,
// with a timestamp and an interval (which wrapped too); in one row of ten another string is 400
// characters long, and cut on the server (its cell ends with ✂).
const WIDE_SQL = [
  "SELECT id,",
  "  rpad(concat('row ', id, ': '), 200, 'lorem ipsum dolor sit amet ') AS text,",
  "  timestamp'2024-03-01 12:34:56.123456' + make_dt_interval(0, 0, 0, id) AS ts,",
  "  make_dt_interval(CAST(id AS INT), 2, 3, 4.5) AS span,",
  ...Array.from({ length: 27 }, (_, c) => {
    const value =
      c % 2 === 0 ? `id * ${c + 1} / 7.0` : c === 25 ? "IF(id % 10 = 0, repeat('abc ', 100), 'short')" : `concat('name ', id * ${c})`;
    return `  ${value} AS c${c}${c < 26 ? "," : ""}`;
  }),
  "FROM range(200)",
].join("\n");

// The cell the completion notebook runs first: a DataFrame of three known columns, and a temp
// view for `%%sql` to name.
const COMPLETION_SETUP = [
  'const people = await spark.createDataFrame([{ name: "Ada", age: 36, city: "London" }]);',
  'await people.createOrReplaceTempView("lab_people");',
  "people",
].join("\n");

/** A notebook of one code cell, in the kernel's language, with `outputs` saved (none: not run). */
function notebookJson(source: string, outputs: readonly object[] = []): string {
  return JSON.stringify({
    cells: [{ cell_type: "code", execution_count: outputs.length ? 1 : null, id: "wide", metadata: {}, outputs, source }],
    metadata: { kernelspec: { display_name: "Spark (TypeScript)", language: "typescript", name: "spark-ts" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** The saved output of the wide table, as the kernel renders it, built here from local data. */
function wideTableOutput(): object {
  const rows = 100;
  const columns: Record<string, Int32Array | Float64Array | string[]> = {
    id: Int32Array.from({ length: rows }, (_, r) => r),
    text: Array.from({ length: rows }, (_, r) => `row ${r}: `.padEnd(200, "lorem ipsum dolor sit amet ")),
    ts: Array.from(
      { length: rows },
      (_, r) => `2024-03-01 12:${String(34 + Math.floor(r / 60)).padStart(2, "0")}:${String(r % 60).padStart(2, "0")}.123456`,
    ),
    span: Array.from({ length: rows }, (_, r) => `INTERVAL '${r} 02:03:04.5' DAY TO SECOND`),
  };
  const types = ["bigint", "string", "timestamp", "interval day to second"];
  for (let c = 0; c < 27; c++) {
    columns[`c${c}`] =
      c % 2 === 0
        ? Float64Array.from({ length: rows }, (_, r) => (r * (c + 1)) / 7)
        : Array.from({ length: rows }, (_, r) => `name ${r * c}`);
    types.push(c % 2 === 0 ? "decimal(38,6)" : "string");
  }
  const data = tableBundle(tableFromArrays(columns), { columnTypes: types, moreRows: true });
  return { data, execution_count: 1, metadata: {}, output_type: "execute_result" };
}

/** What a table output's shape measures on the page (see measureTable). */
interface TableShape {
  readonly styleBlocks: number;
  readonly headerPosition: string;
  readonly rows: number;
  readonly rowHeight: number;
  readonly longCellHeight: number;
  readonly longCellText: number;
  readonly longCellCut: boolean;
  readonly outputHeight: number;
  readonly boxHeight: number;
  readonly boxScrollHeight: number;
  readonly scrollsAcross: boolean;
  readonly scrollbarHeight: number;
  readonly boxInView: boolean;
  readonly headerOffsetAfterScroll: number;
  readonly firstRowOffsetAfterScroll: number;
  readonly align: readonly string[];
  /** For each ✂ mark of the table, whether it is drawn inside its cell, not cut away with the text. */
  readonly cutMarksInside: readonly boolean[];
  readonly htmlLength: number;
}

// Measures the first table output on the page: its box, a body row, the long text cell, and,
// after scrolling the box down by 2,000 px, where the header and the first row are relative to
// the box's top. Evaluated in the page, as a string: the tests are compiled without the DOM's types.
const MEASURE_TABLE = `(async () => {
  const outer = document.querySelector(".jp-OutputArea-output .spark-ts-table");
  const table = outer.querySelector("table");
  const box = table.parentElement;
  const output = outer.closest(".jp-OutputArea-output");
  const rows = table.querySelectorAll("tbody tr");
  const row = rows[5];
  const longCell = row.children[1];
  const th = table.querySelector("th");
  box.scrollIntoView({ block: "nearest" });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  let scroller = box.parentElement;
  while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
  const view = (scroller ?? document.documentElement).getBoundingClientRect();
  const boxRect = box.getBoundingClientRect();
  const shape = {
    styleBlocks: outer.querySelectorAll("style").length,
    headerPosition: getComputedStyle(th).position,
    rows: rows.length,
    rowHeight: row.getBoundingClientRect().height,
    longCellHeight: longCell.getBoundingClientRect().height,
    longCellText: longCell.textContent.length,
    longCellCut: longCell.scrollWidth > longCell.clientWidth,
    outputHeight: output.getBoundingClientRect().height,
    boxHeight: boxRect.height,
    boxScrollHeight: box.scrollHeight,
    scrollsAcross: box.scrollWidth > box.clientWidth,
    scrollbarHeight: box.offsetHeight - box.clientHeight,
    boxInView: boxRect.top >= view.top - 1 && boxRect.bottom <= view.bottom + 1,
    align: [...row.children].slice(0, 3).map((td) => getComputedStyle(td).textAlign),
    cutMarksInside: [...table.querySelectorAll("td > span")].map((mark) => {
      const cell = mark.parentElement.getBoundingClientRect();
      const box = mark.getBoundingClientRect();
      return box.width > 0 && box.left >= cell.left && box.right <= cell.right;
    }),
    htmlLength: outer.outerHTML.length,
  };
  box.scrollTop = 2000;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const top = box.getBoundingClientRect().top;
  shape.headerOffsetAfterScroll = th.getBoundingClientRect().top - top;
  shape.firstRowOffsetAfterScroll = rows[0].getBoundingClientRect().top - top;
  return shape;
})()`;

async function measureTable(page: Page): Promise<TableShape> {
  return await page.evaluate<TableShape>(MEASURE_TABLE);
}

describe("JupyterLab in headless Chromium", function () {
  this.timeout(300_000);
  let kernel: InstalledTestKernel;
  let server: JupyterServer & { token: string };
  let browser: Browser;

  before(async () => {
    // The notebooks name the kernel "spark-ts": JupyterLab starts it by that name.
    kernel = installTestKernel({ name: "spark-ts" });
    const notebooks = fs.mkdtempSync(path.join(os.tmpdir(), "stk-lab-"));
    for (const name of ["01-getting-started.ipynb", "04-aggregations-and-charts.ipynb"]) {
      fs.copyFileSync(path.join(root, "examples", name), path.join(notebooks, name));
    }
    fs.writeFileSync(path.join(notebooks, "wide-table.ipynb"), notebookJson(`spark.sql(\`${WIDE_SQL}\`)`));
    // Written here, never signed by this server's notary: JupyterLab opens it untrusted and
    // sanitizes its saved output.
    fs.writeFileSync(path.join(notebooks, "wide-table-untrusted.ipynb"), notebookJson("// saved output, not run", [wideTableOutput()]));
    fs.writeFileSync(path.join(notebooks, "completion.ipynb"), notebookJson(COMPLETION_SETUP));
    server = await startJupyterServer(kernel.env, notebooks, "jupyterlab");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Scrollbars as a user sees them: a table's horizontal scrollbar is measured.
      ignoreDefaultArgs: ["--hide-scrollbars"],
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    fs.mkdirSync(shots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    kernel?.remove();
  });

  /** Opens a notebook, clears its saved outputs, runs every cell, and waits for the kernel to be idle. */
  async function runNotebook(name: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // JupyterLab, still settling the session of a notebook it just opened, can ask which kernel to
    // start, in a dialog over the menus (a run once stopped behind a dialog): it offers the notebook's.
    await page.addLocatorHandler(page.locator(".jp-Dialog", { hasText: "Select Kernel" }), async () => {
      await page.locator(".jp-Dialog").getByRole("button", { name: "Select", exact: true }).click();
    });
    await page.goto(`${server.url}/lab/tree/${name}?token=${server.token}&reset`);
    await page.locator(".jp-Notebook").first().waitFor({ timeout: 120_000 });
    // Wait for the kernel to be connected and idle before running.
    await page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first().waitFor({ timeout: 120_000 });
    await page.getByRole("menuitem", { name: "Edit" }).click();
    await page.getByRole("menuitem", { name: "Clear Outputs of All Cells" }).click();
    // A click on the menu can land while JupyterLab is still settling the freshly opened notebook,
    // and then runs nothing (seen: every prompt still "[ ]" minutes later). So: run all, and run
    // again if no cell has started within 30 s (at most three tries; a cell runs once either way,
    // since a second "Run All" is only sent when none ran).
    for (let attempt = 1; ; attempt++) {
      await page.getByRole("menuitem", { name: "Run", exact: true }).click();
      await page.getByRole("menuitem", { name: "Run All Cells", exact: true }).click();
      const started = await page
        .waitForFunction(
          `[...document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")].some((p) => /\\[(\\*|\\d+)\\]/.test(p.textContent ?? ""))`,
          undefined,
          { timeout: 30_000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (started || attempt === 3) break;
    }
    // Every cell has run when no prompt shows [*] and the last cell has an execution count.
    // Evaluated in the page (as a string: the tests are compiled without the DOM's types).
    await page.waitForFunction(
      `(() => {
        const prompts = [...document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")].map((p) => p.textContent ?? "");
        return prompts.length > 0 && prompts.every((p) => /\\[\\d+\\]/.test(p));
      })()`,
      undefined,
      { timeout: 240_000 },
    );
    return page;
  }

  /**
   * How many elements match `selector` once more than `moreThan` do, or after a minute. A cell's
   * prompt shows its number on the shell reply; its outputs come over IOPub, another socket, and
   * may be drawn a moment later.
   */
  async function settledCount(page: Page, selector: string, moreThan: number): Promise<number> {
    await page
      .waitForFunction(`document.querySelectorAll(${JSON.stringify(selector)}).length > ${moreThan}`, undefined, { timeout: 60_000 })
      .catch(() => undefined);
    return page.locator(selector).count();
  }

  it("runs the getting-started notebook and draws its HTML tables", async () => {
    const page = await runNotebook("01-getting-started.ipynb");
    expect(await settledCount(page, ".jp-OutputArea-output table", 3)).to.be.greaterThan(3);
    expect(await page.locator(".jp-OutputArea-output th", { hasText: "name" }).first().textContent()).to.include("string");
    expect(await page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']").count()).to.equal(0);
    await page.screenshot({ path: path.join(shots, "01-getting-started.png"), fullPage: true });
  });

  it("runs the charts notebook and draws its Vega-Lite charts", async () => {
    const page = await runNotebook("04-aggregations-and-charts.ipynb");
    const charts = ".jp-OutputArea-output .vega-embed svg, .jp-OutputArea-output .vega-embed canvas";
    expect(await settledCount(page, charts, 5)).to.be.greaterThan(5);
    await page.screenshot({ path: path.join(shots, "04-aggregations-and-charts.png"), fullPage: true });
  });
  describe("a wide table with long strings keeps its shape", () => {
    it("shows each row on one line, in a bounded box with a sticky header and a visible horizontal scrollbar", async () => {
      const page = await runNotebook("wide-table.ipynb");
      expect(await settledCount(page, ".jp-OutputArea-output .spark-ts-table", 0)).to.equal(1);
      const shape = await measureTable(page);
      await page.screenshot({ path: path.join(shots, "wide-table.png") });
      expect(shape.styleBlocks, "the style block is applied in a notebook the user ran").to.equal(1);
      expect(shape.rows).to.equal(100);
      // One line: JupyterLab's rows are about 30 px high (the issue saw 614 px).
      expect(shape.rowHeight).to.be.below(40);
      expect(shape.longCellHeight).to.equal(shape.rowHeight);
      expect([shape.longCellText, shape.longCellCut], "the 200 characters are there, cut with an ellipsis for width").to.deep.equal([
        200,
        true,
      ]);
      expect(shape.boxHeight).to.be.at.most(500);
      expect(shape.boxScrollHeight).to.be.above(100 * shape.rowHeight);
      expect(shape.outputHeight).to.be.below(600);
      expect(shape.scrollsAcross).to.equal(true);
      expect(shape.scrollbarHeight, "the horizontal scrollbar takes room at the box's bottom").to.be.above(0);
      expect(shape.boxInView, "the whole box, its scrollbar included, fits in the notebook's view").to.equal(true);
      expect(shape.firstRowOffsetAfterScroll, "the rows scrolled").to.be.below(-1000);
      expect(Math.abs(shape.headerOffsetAfterScroll), "the header stays at the box's top").to.be.below(2);
      expect(shape.align).to.deep.equal(["right", "left", "left"]);
      expect(shape.cutMarksInside, "the ✂ of each value cut on the server stays in view").to.deep.equal(Array(10).fill(true));
      expect(shape.htmlLength).to.be.below(100_000);
      await page.evaluate(`document.querySelector(".jp-OutputArea-output .spark-ts-table table").parentElement.scrollTop = 0`);
      await page.screenshot({ path: path.join(shots, "wide-table-top.png") });
    });

    it("keeps one line per row and a bounded box in an untrusted notebook, whose output JupyterLab sanitizes", async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`${server.url}/lab/tree/wide-table-untrusted.ipynb?token=${server.token}&reset`);
      await page.locator(".jp-OutputArea-output .spark-ts-table").first().waitFor({ timeout: 120_000 });
      const shape = await measureTable(page);
      await page.screenshot({ path: path.join(shots, "wide-table-untrusted.png") });
      expect(shape.styleBlocks, "the sanitizer dropped the style block").to.equal(0);
      expect(shape.rows).to.equal(100);
      expect(shape.rowHeight).to.be.below(40);
      expect(shape.longCellHeight).to.equal(shape.rowHeight);
      expect(shape.longCellText).to.equal(200);
      expect(shape.boxHeight).to.be.at.most(500);
      expect(shape.outputHeight).to.be.below(600);
      expect(shape.scrollsAcross).to.equal(true);
      expect(shape.scrollbarHeight).to.be.above(0);
      expect(shape.boxInView).to.equal(true);
      expect(shape.firstRowOffsetAfterScroll, "the rows scrolled").to.be.below(-1000);
      // The sanitizer keeps `position` only for static, relative and absolute: the header scrolls
      // away with the rows here (the README says so).
      expect(shape.headerPosition).not.to.equal("sticky");
      expect(shape.headerOffsetAfterScroll).to.be.below(-1000);
    });
  });

  describe("a chart follows JupyterLab's light and dark themes", () => {
    /** What the first chart on the page measures: how it is drawn, what is behind it, its text. */
    interface ChartLook {
      readonly svgs: number;
      readonly canvases: number;
      /** The chart's own background, as [r, g, b, alpha] (alpha 0: none). */
      readonly ownBackground: readonly number[];
      /** The color the chart is seen on: its own background if opaque, else the first opaque one behind it. */
      readonly seenOn: readonly number[];
      readonly seenOnLuminance: number;
      readonly texts: number;
      /** The lowest contrast ratio (WCAG) of any text of the chart (axes, titles, legend) against what it is seen on. */
      readonly minTextContrast: number;
    }

    // Evaluated in the page, as a string: the tests are compiled without the DOM's types.
    const MEASURE_CHART = `(() => {
      const embed = document.querySelector(".jp-OutputArea-output .vega-embed");
      const svg = embed && embed.querySelector("svg.marks");
      const rgba = (text) => {
        if (!text || text === "none" || text === "transparent") return [0, 0, 0, 0];
        const parts = (text.match(/rgba?\\(([^)]*)\\)/) || [, ""])[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
        return parts.length >= 3 ? [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1] : null;
      };
      const luminance = ([r, g, b]) => {
        const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      // A text color with alpha (JupyterLab's light text is black at 87%) as seen over the color under it.
      const over = ([r, g, b, a], under) => [r, g, b].map((v, i) => v * a + under[i] * (1 - a));
      const contrast = (a, b) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
      };
      if (!svg) return { svgs: 0, canvases: embed ? embed.querySelectorAll("canvas").length : 0 };
      // Vega's SVG gives its background to the svg element's style (older Vega: a first rect).
      const rect = svg.querySelector(":scope > rect");
      const ownBackground = [rgba(getComputedStyle(svg).backgroundColor), rect && rgba(getComputedStyle(rect).fill)].find((c) => c && c[3] > 0) || [0, 0, 0, 0];
      let seenOn = ownBackground[3] > 0.99 ? ownBackground : null;
      for (let el = svg.parentElement; !seenOn && el; el = el.parentElement) {
        const color = rgba(getComputedStyle(el).backgroundColor);
        if (color && color[3] > 0.99) seenOn = color;
      }
      seenOn = seenOn || [255, 255, 255, 1];
      const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim() !== "");
      return {
        svgs: embed.querySelectorAll("svg.marks").length,
        canvases: embed.querySelectorAll("canvas").length,
        ownBackground,
        seenOn,
        seenOnLuminance: luminance(seenOn),
        texts: texts.length,
        minTextContrast: Math.min(...texts.map((t) => contrast(over(rgba(getComputedStyle(t).fill), seenOn), seenOn))),
      };
    })()`;

    /** Settings > Theme > `theme`, as a user picks it (the submenu's items carry no menuitem role). */
    async function chooseTheme(page: Page, theme: string): Promise<void> {
      await page.getByRole("menuitem", { name: "Settings", exact: true }).click();
      await page.locator(".lm-Menu-itemLabel", { hasText: /^Theme$/ }).click();
      await page.locator(".lm-Menu-itemLabel", { hasText: new RegExp(`^${theme}$`) }).click();
    }

    it("draws without a background of its own, its text readable on the light theme and, after a switch, on the dark one", async () => {
      const name = "chart-theme.ipynb";
      // A bar chart of sums with a title and a note (one region's sum is null): axes, title and subtitle to read.
      const source = [
        "const orders = await spark.sql(\"SELECT * FROM VALUES ('north', 10), ('south', CAST(NULL AS INT)), ('east', 5) AS t(region, amount)\");",
        'orders.plot.bar({ x: "region", y: "amount", agg: "sum", title: "Revenue by region" })',
      ].join("\n");
      // The kernel draws the chart (through the REST API), and the notebook is saved with its
      // output: opening it draws the chart in the browser from the kernel's own bundle, with
      // nothing to run (a notebook run from the menus right after it opens can meet a "Select
      // Kernel" dialog while JupyterLab settles its session, and wait behind it).
      const headers = { Authorization: `token ${server.token}`, "Content-Type": "application/json" };
      const started = await fetch(`${server.url}/api/sessions`, {
        method: "POST",
        headers,
        body: JSON.stringify({ path: name, name, type: "notebook", kernel: { name: "spark-ts" } }),
      });
      expect(started.status, "the notebook's kernel was started").to.equal(201);
      const { kernel } = (await started.json()) as { kernel: { id: string; name: string } };
      const connection = server.kernels.connectTo({ model: kernel });
      const run = await runCell(connection, source).finally(() => connection.dispose());
      const [result] = run.ofType("execute_result");
      expect(result, "the cell's value, the chart, is its result").not.to.equal(undefined);
      const { data, metadata } = result.content as { data: Record<string, unknown>; metadata: Record<string, unknown> };
      expect(Object.keys(data)).to.include("application/vnd.vegalite.v5+json");
      const saved = await fetch(`${server.url}/api/contents/${name}`, {
        method: "PUT",
        headers,
        body: JSON.stringify({
          type: "notebook",
          format: "json",
          content: JSON.parse(notebookJson(source, [{ output_type: "execute_result", execution_count: 1, data, metadata }])) as unknown,
        }),
      });
      expect(saved.status, "the notebook was saved on the server").to.be.oneOf([200, 201]);
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      // Should JupyterLab still ask for a kernel, the chart needs none.
      await page.addLocatorHandler(page.locator(".jp-Dialog", { hasText: "Select Kernel" }), async () => {
        await page.locator(".jp-Dialog").getByRole("button", { name: "No Kernel" }).click();
      });
      await page.goto(`${server.url}/lab/tree/${name}?token=${server.token}&reset`);
      const measure = async (): Promise<ChartLook> => {
        await page.locator(".jp-OutputArea-output .vega-embed svg.marks").first().waitFor({ timeout: 60_000 });
        return page.evaluate<ChartLook>(MEASURE_CHART);
      };
      try {
        const light = await measure();
        await page.screenshot({ path: path.join(shots, "chart-light.png") });
        expect([light.svgs, light.canvases], "drawn as SVG, whose colors are CSS").to.deep.equal([1, 0]);
        expect(light.texts).to.be.above(5);
        expect(light.ownBackground[3], `no background of its own: ${JSON.stringify(light.ownBackground)}`).to.equal(0);
        expect(light.seenOnLuminance, "the light theme's white shows through").to.be.above(0.8);
        expect(light.minTextContrast, "every text reads on it (WCAG AA: 4.5)").to.be.at.least(4.5);

        // The chart drawn in the light theme stays on the page: JupyterLab does not draw outputs again.
        await chooseTheme(page, "JupyterLab Dark");
        await page.waitForFunction(`document.body.dataset.jpThemeLight === "false"`, undefined, { timeout: 60_000 });
        // The theme's stylesheet is applied once the page's background has turned dark.
        await page.waitForFunction(
          `(() => { const c = getComputedStyle(document.querySelector(".jp-Notebook")).backgroundColor.match(/\\d+/g).map(Number); return c[0] + c[1] + c[2] < 150; })()`,
          undefined,
          { timeout: 60_000 },
        );
        // JupyterLab shows its splash while it switches themes.
        await page.waitForFunction(`!document.querySelector("#jupyterlab-splash")`, undefined, { timeout: 60_000 });
        const dark = await measure();
        await page.screenshot({ path: path.join(shots, "chart-dark.png") });
        expect(dark.ownBackground[3], `no background of its own: ${JSON.stringify(dark.ownBackground)}`).to.equal(0);
        expect(dark.seenOn.slice(0, 3), "not a white box").not.to.deep.equal([255, 255, 255]);
        expect(dark.seenOnLuminance, "the dark theme's background shows through").to.be.below(0.1);
        expect(dark.minTextContrast, "every text reads on it (WCAG AA: 4.5)").to.be.at.least(4.5);
      } finally {
        await page.close();
        // Back to the light theme (a user setting of this server), which other tests measure in.
        const reset = await fetch(`${server.url}/lab/api/settings/@jupyterlab/apputils-extension:themes`, {
          method: "PUT",
          headers,
          body: JSON.stringify({ raw: "{}" }),
        });
        expect(reset.status, "the theme setting was reset").to.equal(204);
      }
    });
  });

  describe("completion as a user types in a cell and presses Tab", () => {
    let page: Page;

    // COMPLETION_SETUP has run: `people` (name, age, city) and the view lab_people are the kernel's.
    before(async () => {
      page = await runNotebook("completion.ipynb");
    });

    after(async () => {
      await page?.close();
    });

    // The completer is one widget, hidden between completions; only its visible items are what a user sees.
    const completer = (): Locator => page.locator(".jp-Completer:visible");

    // The text of the active cell's editor, its lines as CodeMirror draws them (evaluated in the page).
    const ACTIVE_CELL_TEXT = `[...document.querySelectorAll(".jp-Notebook .jp-Cell.jp-mod-active .cm-line")].map((line) => line.textContent).join("\\n")`;

    async function cellText(): Promise<string> {
      return page.evaluate<string>(ACTIVE_CELL_TEXT);
    }

    /** The active cell's text once it is `expected`, or after 30 s (then what it is). */
    async function settledText(expected: string): Promise<string> {
      await page
        .waitForFunction(`${ACTIVE_CELL_TEXT} === ${JSON.stringify(expected)}`, undefined, { timeout: 30_000 })
        .catch(() => undefined);
      return cellText();
    }

    /** Adds a code cell below the active one and types `text` into it, key by key. */
    async function typeInNewCell(text: string): Promise<void> {
      await page.keyboard.press("Escape");
      await page.keyboard.press("b");
      await page.keyboard.press("Enter");
      // Typed keys go to the editor once it has the focus.
      await page.waitForFunction(`document.activeElement?.closest(".jp-Cell.jp-mod-active .cm-content") != null`, undefined, {
        timeout: 30_000,
      });
      await page.keyboard.type(text);
      expect(await settledText(text), "the cell holds what was typed").to.equal(text);
    }

    /**
     * Presses Tab until the completer shows (at most five times) and gives the names it lists and
     * the kinds it shows beside them. The kernel waits 300 ms for the server at most: a first Tab on
     * a DataFrame whose schema is not back yet comes back empty, and a user presses Tab again. A
     * hang is the failure: each Tab gets a generous 20 s.
     */
    async function tabForCompletions(): Promise<{ names: string[]; kinds: string[] }> {
      for (let attempt = 1; attempt <= 5; attempt++) {
        await page.keyboard.press("Tab");
        const shown = await completer()
          .locator(".jp-Completer-item")
          .first()
          .waitFor({ timeout: 20_000 })
          .then(
            () => true,
            () => false,
          );
        if (shown) break;
      }
      return {
        names: await completer().locator(".jp-Completer-match").allInnerTexts(),
        kinds: await completer().locator(".jp-Completer-typeExtended").allInnerTexts(),
      };
    }

    it('lists the three columns of the DataFrame after people.select(" and Tab, each shown as a column', async () => {
      await typeInNewCell('people.select("');
      const listed = await tabForCompletions();
      await page.screenshot({ path: path.join(shots, "completion-columns.png") });
      expect(listed).to.deep.equal({ names: ["name", "age", "city"], kinds: ["column", "column", "column"] });
      expect(await cellText(), "listing changes nothing").to.equal('people.select("');
      await page.keyboard.press("Escape");
      await completer().waitFor({ state: "hidden", timeout: 30_000 });
      expect(await cellText()).to.equal('people.select("');
    });

    it('completes people.select("ci to people.select("city on Enter, keeping the quote', async () => {
      await typeInNewCell('people.select("ci');
      expect(await tabForCompletions()).to.deep.equal({ names: ["city"], kinds: ["column"] });
      await page.keyboard.press("Enter");
      expect(await settledText('people.select("city'), "only the partial name is replaced, and Enter adds no line").to.equal(
        'people.select("city',
      );
      await completer().waitFor({ state: "hidden", timeout: 30_000 });
    });

    it("completes a temp view's name after FROM in a %%sql cell", async () => {
      await typeInNewCell("%%sql\nSELECT * FROM lab_pe");
      expect(await tabForCompletions()).to.deep.equal({ names: ["lab_people"], kinds: ["view"] });
      await page.keyboard.press("Enter");
      expect(await settledText("%%sql\nSELECT * FROM lab_people")).to.equal("%%sql\nSELECT * FROM lab_people");
    });
  });
});
