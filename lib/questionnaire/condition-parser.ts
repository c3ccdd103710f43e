import {
  ConditionSyntaxError,
  tokenizeCondition,
  type ComparisonOperator,
  type Token,
} from "./condition-tokenizer";
import { CONDITION_FUNCTIONS } from "./ids";
import { LIMITS } from "./limits";

export type ConditionFunction = (typeof CONDITION_FUNCTIONS)[number];

export type LiteralNode = { type: "literal"; value: string | number | boolean; position: number };
export type IdentifierNode = { type: "identifier"; name: string; position: number };
export type ListNode = { type: "list"; items: LiteralNode[]; position: number };
export type CallNode = { type: "call"; fn: ConditionFunction; argument: IdentifierNode; position: number };
export type OperandNode = LiteralNode | IdentifierNode | CallNode;
export type ConditionNode =
  | OperandNode
  | { type: "not"; operand: ConditionNode; position: number }
  | { type: "and" | "or"; operands: ConditionNode[]; position: number }
  | { type: "compare"; op: ComparisonOperator; left: ConditionNode; right: ConditionNode; position: number }
  | { type: "in"; left: ConditionNode; right: ConditionNode | ListNode; position: number };

export type ConditionParseResult =
  { ok: true; ast: ConditionNode } | { ok: false; error: { message: string; position: number } };

const FUNCTIONS = new Set<string>(CONDITION_FUNCTIONS);

/**
 * Parses a condition into an AST by recursive descent (grammar in docs/questionnaire-format.md).
 * Never throws: hostile input (too long, too deep, unknown syntax) comes back as an error result.
 */
export function parseCondition(source: string): ConditionParseResult {
  try {
    const parser = new Parser(tokenizeCondition(source));
    return { ok: true, ast: parser.parseAll() };
  } catch (error) {
    if (error instanceof ConditionSyntaxError) {
      return { ok: false, error: { message: error.message, position: error.position } };
    }
    throw error;
  }
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): ConditionNode {
    const first = this.peek();
    if (first.type === "end") throw new ConditionSyntaxError("condition is empty", first.position);
    const ast = this.parseOr();
    const rest = this.peek();
    if (rest.type !== "end") throw this.unexpected(rest);
    return ast;
  }

  private parseOr(): ConditionNode {
    return this.parseChain("or", () => this.parseAnd());
  }

  private parseAnd(): ConditionNode {
    return this.parseChain("and", () => this.parseUnary());
  }

  /** Builds flat n-ary and/or nodes so long chains do not turn into deep trees. */
  private parseChain(keyword: "and" | "or", parseOperand: () => ConditionNode): ConditionNode {
    const first = parseOperand();
    const operands = [first];
    while (this.isKeyword(keyword)) {
      this.advance();
      operands.push(parseOperand());
    }
    return operands.length === 1 ? first : { type: keyword, operands, position: first.position };
  }

  private parseUnary(): ConditionNode {
    if (this.isKeyword("not")) {
      const token = this.advance();
      return this.nested(token.position, () => ({
        type: "not",
        operand: this.parseUnary(),
        position: token.position,
      }));
    }
    return this.parseComparison();
  }

  private parseComparison(): ConditionNode {
    const left = this.parsePrimary();
    const next = this.peek();
    if (next.type === "operator") {
      this.advance();
      const right = this.parsePrimary();
      return { type: "compare", op: next.value, left, right, position: next.position };
    }
    if (next.type === "keyword" && next.value === "in") {
      this.advance();
      const right = this.isPunctuation("[") ? this.parseList() : this.parsePrimary();
      return { type: "in", left, right, position: next.position };
    }
    return left;
  }

  private parsePrimary(): ConditionNode {
    const token = this.peek();
    switch (token.type) {
      case "string":
      case "number":
        this.advance();
        return { type: "literal", value: token.value, position: token.position };
      case "keyword":
        if (token.value === "true" || token.value === "false") {
          this.advance();
          return { type: "literal", value: token.value === "true", position: token.position };
        }
        throw this.unexpected(token);
      case "identifier":
        this.advance();
        if (this.isPunctuation("(")) return this.parseCall(token.value, token.position);
        return { type: "identifier", name: token.value, position: token.position };
      case "punctuation":
        if (token.value === "(") {
          this.advance();
          return this.nested(token.position, () => {
            const inner = this.parseOr();
            this.expectPunctuation(")", "a closing parenthesis");
            return inner;
          });
        }
        throw this.unexpected(token);
      default:
        throw this.unexpected(token);
    }
  }

  private parseCall(name: string, position: number): CallNode {
    if (!FUNCTIONS.has(name)) {
      throw new ConditionSyntaxError(
        `unknown function "${name}" (available: ${CONDITION_FUNCTIONS.join(", ")})`,
        position,
      );
    }
    this.advance();
    const argument = this.peek();
    if (argument.type !== "identifier") {
      throw new ConditionSyntaxError(`${name}() takes one question id`, argument.position);
    }
    this.advance();
    this.expectPunctuation(")", `")" after the argument of ${name}()`);
    return {
      type: "call",
      fn: name as ConditionFunction,
      argument: { type: "identifier", name: argument.value, position: argument.position },
      position,
    };
  }

  private parseList(): ListNode {
    const open = this.advance();
    const items: LiteralNode[] = [];
    if (!this.isPunctuation("]")) {
      for (;;) {
        const token = this.peek();
        if (token.type !== "string" && token.type !== "number") {
          throw new ConditionSyntaxError("a list may only contain strings and numbers", token.position);
        }
        this.advance();
        items.push({ type: "literal", value: token.value, position: token.position });
        if (this.isPunctuation(",")) {
          this.advance();
          continue;
        }
        break;
      }
    }
    this.expectPunctuation("]", '"]" to close the list');
    return { type: "list", items, position: open.position };
  }

  private nested<T>(position: number, parse: () => T): T {
    this.depth += 1;
    if (this.depth > LIMITS.conditionDepth) {
      throw new ConditionSyntaxError(
        `condition is nested more than ${LIMITS.conditionDepth} levels deep`,
        position,
      );
    }
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private expectPunctuation(value: string, description: string): void {
    const token = this.peek();
    if (token.type === "punctuation" && token.value === value) {
      this.advance();
      return;
    }
    throw new ConditionSyntaxError(
      `expected ${description} but found ${describeToken(token)}`,
      token.position,
    );
  }

  private unexpected(token: Token): ConditionSyntaxError {
    return new ConditionSyntaxError(`unexpected ${describeToken(token)}`, token.position);
  }

  private isKeyword(value: string): boolean {
    const token = this.peek();
    return token.type === "keyword" && token.value === value;
  }

  private isPunctuation(value: string): boolean {
    const token = this.peek();
    return token.type === "punctuation" && token.value === value;
  }

  private peek(): Token {
    // The tokenizer always ends the list with an "end" token, so clamping is safe.
    return this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
  }

  private advance(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }
}

function describeToken(token: Token): string {
  switch (token.type) {
    case "end":
      return "the end of the condition";
    case "string":
      return `string ${JSON.stringify(token.value.length > 20 ? `${token.value.slice(0, 20)}…` : token.value)}`;
    case "number":
      return `number ${token.value}`;
    case "identifier":
      return `"${token.value}"`;
    default:
      return `"${token.value}"`;
  }
}

/** Every question id a condition names, in order of appearance (duplicates removed). */
export function collectConditionIdentifiers(ast: ConditionNode | ListNode): IdentifierNode[] {
  const seen = new Set<string>();
  const result: IdentifierNode[] = [];
  const visit = (node: ConditionNode | ListNode) => {
    switch (node.type) {
      case "identifier":
        if (!seen.has(node.name)) {
          seen.add(node.name);
          result.push(node);
        }
        return;
      case "call":
        visit(node.argument);
        return;
      case "not":
        visit(node.operand);
        return;
      case "and":
      case "or":
        node.operands.forEach(visit);
        return;
      case "compare":
      case "in":
        visit(node.left);
        visit(node.right);
        return;
      default:
        return;
    }
  };
  visit(ast);
  return result;
}
