// JupyterLab in a real browser (Debian's Chromium, headless, driven by playwright-core): the
// gallery's getting-started and charts notebooks run top to bottom with this kernel, and the
// HTML table and the Vega-Lite chart are drawn on the page. Screenshots go to
// .test-results/browser/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { after, before, describe, it } from "mocha";
import { chromium, type Browser, type Page } from "playwright-core";
import { installTestKernel, type InstalledTestKernel } from "../support/kernelInstall";
import { startJupyterServer, type JupyterServer } from "../support/jupyterServer";

const root = path.resolve(__dirname, "..", "..");
const shots = path.join(root, ".test-results", "browser");
const CHROMIUM = process.env.SPARK_TS_CHROMIUM ?? "/usr/bin/chromium";

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
    server = await startJupyterServer(kernel.env, notebooks, "jupyterlab");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
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
});
