// ESLint for the whole house: typescript-eslint's type-aware recommended rules on the TypeScript
// of both packages and the tests (the checker's view, through tsconfig.json), the plain
// recommended rules on the build and test scripts. Formatting is Prettier's (npm run format).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "src/gen/**",
      "node_modules/**",
      "kernel/node_modules/**",
      ".venv/**",
      ".compat/**",
      ".cluster/**",
      ".spark/**",
      ".node-versions/**",
      "bench/results/**",
    ],
  },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The benchmark and the examples are run by tsx on their own, outside tsconfig.json.
        projectService: { allowDefaultProject: ["bench/*.ts", "examples/*.ts", "examples/service/*.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `for await (const _ of stream)` drains or counts on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", argsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.mjs", "**/*.cjs", "**/*.js"],
    languageOptions: { globals: { ...globals.node } },
  },
);
