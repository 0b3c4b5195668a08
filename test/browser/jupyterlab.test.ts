// JupyterLab in a real browser (Debian's Chromium, headless, driven by playwright-core): the
// gallery's getting-started and charts notebooks run top to bottom with this kernel, and the
// HTML table and the Vega-Lite chart are drawn on the page; a wide table with long strings keeps
// its shape, measured on the page, both as a cell the user ran shows it and as an untrusted
// notebook's saved output (sanitized by JupyterLab) shows it. Screenshots go to
// .test-results/browser/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { chromium, type Browser, type Page } from "playwright-core";
import { tableFromArrays } from "apache-arrow";
import { tableBundle } from "../../src/render";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { startJupyterServer, type JupyterServer } from "../support/jupyterServer";

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
    const value = c % 2 === 0 ? `id * ${c + 1} / 7.0` : c === 25 ? "IF(id % 10 = 0, repeat('abc ', 100), 'short')" : `concat('name ', id * ${c})`;
    return `  ${value} AS c${c}${c < 26 ? "," : ""}`;
  }),
  "FROM range(200)",
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
    ts: Array.from({ length: rows }, (_, r) => `2024-03-01 12:${String(34 + Math.floor(r / 60)).padStart(2, "0")}:${String(r % 60).padStart(2, "0")}.123456`),
    span: Array.from({ length: rows }, (_, r) => `INTERVAL '${r} 02:03:04.5' DAY TO SECOND`),
  };
  const types = ["bigint", "string", "timestamp", "interval day to second"];
  for (let c = 0; c < 27; c++) {
    columns[`c${c}`] = c % 2 === 0 ? Float64Array.from({ length: rows }, (_, r) => (r * (c + 1)) / 7) : Array.from({ length: rows }, (_, r) => `name ${r * c}`);
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
  return (await page.evaluate(MEASURE_TABLE)) as TableShape;
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
        .then(() => true, () => false);
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
      expect([shape.longCellText, shape.longCellCut], "the 200 characters are there, cut with an ellipsis for width").to.deep.equal([200, true]);
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
});
