// Which cell made a notebook variable, read from the code of the cells that ran without error (the
// latest assignment wins): what inspection shows as where a DataFrame comes from, with its SQL
// when the cell made it from SQL (`spark.sql("...")` or a `%%sql name` cell). Read with
// TypeScript's parser, never run.
import * as ts from "@tslab/typescript-for-tslab";
import { isSqlMagic, parseSqlMagic } from "../cell/sqlMagic";

/** Where a variable was last assigned. */
export interface Definition {
  /** The execution count of the cell. */
  readonly cell: number;
  /** The assigned expression (for a `%%sql` cell, the cell). */
  readonly code: string;
  /** The SQL text, when the value is a `spark.sql(...)` of a string literal or a `%%sql` result. */
  readonly sql?: string;
}

/** The longest code shown for a definition; longer code ends with an ellipsis. */
const MAX_CODE = 400;

function shortened(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > MAX_CODE ? `${trimmed.slice(0, MAX_CODE)}…` : trimmed;
}

/** `spark.sql("...")` (awaited or not): the string literal's text. */
function sqlOf(expression: ts.Expression): string | undefined {
  let node: ts.Expression = expression;
  while (ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node)) node = node.expression;
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== "sql")
    return undefined;
  const first = node.arguments[0];
  return first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
}

/**
 * The top-level assignments of a cell: `const x = e`, `let x = e`, `x = e`, and a `%%sql name`
 * cell's result, by name.
 *
 * @example
 * ```ts
 * assignments('const adults = await spark.sql("SELECT * FROM people WHERE age >= 18");', 3);
 * // Map { "adults" => { cell: 3, code: 'await spark.sql("SELECT * FROM people WHERE age >= 18")', sql: "SELECT * FROM people WHERE age >= 18" } }
 * ```
 */
export function assignments(code: string, cell: number): Map<string, Definition> {
  const found = new Map<string, Definition>();
  if (isSqlMagic(code)) {
    try {
      const magic = parseSqlMagic(code);
      if (magic.name !== undefined) found.set(magic.name, { cell, code: shortened(code), sql: magic.query });
    } catch {
      // Not a runnable %%sql cell: it assigned nothing.
    }
    return found;
  }
  const file = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const define = (name: string, value: ts.Expression) => {
    const sql = sqlOf(value);
    found.set(name, { cell, code: shortened(value.getText(file)), ...(sql === undefined ? {} : { sql }) });
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) define(declaration.name.text, declaration.initializer);
      }
    } else if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(statement.expression.left)
    ) {
      define(statement.expression.left.text, statement.expression.right);
    }
  }
  return found;
}

/** The definitions of the notebook's variables, as the cells that ran made them. */
export class CellDefinitions {
  readonly #byName = new Map<string, Definition>();

  /** Notes what cell `cell` (which ran without error) assigned. */
  record(cell: number, code: string): void {
    for (const [name, definition] of assignments(code, cell)) this.#byName.set(name, definition);
  }

  /** Where `name` was last assigned, if a cell the kernel ran did it. */
  of(name: string): Definition | undefined {
    return this.#byName.get(name);
  }
}
