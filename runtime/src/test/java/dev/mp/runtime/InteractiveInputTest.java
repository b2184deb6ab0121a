package dev.mp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.mp.runtime.parser.SourceCompiler;

/** When typed text is a finished statement, and how a paste splits into statements. */
class InteractiveInputTest {

    /** Expected values are what CPython 3.11's {@code codeop.compile_command} decides (None: incomplete). */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                                       | false
            x = 1                                    | false
            x = 1 # c                                | false
            # comment                                | false
            if x:                                    | true
            if x: # c                                | true
            if x:\\n  pass                           | true
            if x:\\n  pass\\n                        | false
            if x: pass                               | true
            if x: pass\\n                            | false
            while True: pass                         | true
            class A: pass                            | true
            if x:\\n\\n                              | true
            if x:\\n  pass\\nelse:                   | true
            if x:\\n  pass\\nelif y:                 | true
            if x:\\n  pass\\nelse:\\n  pass\\n       | false
            for i in y:\\n  print(i)\\nelse:         | true
            try:\\n  pass\\n                         | true
            try:\\n  pass\\n\\n                      | true
            try:\\n  pass\\nexcept:\\n  pass\\n      | false
            def f():\\n  x = 1\\n\\n  return x\\n    | false
            def f():\\n  for v in y:                 | true
            class A:\\n  def f(self):\\n    pass\\n\\n | false
            @dec                                     | true
            @dec\\ndef f(): pass\\n                  | false
            (1,                                      | true
            (1,\\n2)                                 | false
            x = [                                    | true
            f(x for x in                             | true
            x = (1 +\\n                              | true
            x = \\\\                                 | true
            '''abc                                   | true
            'abc                                     | false
            1 +                                      | false
            1 +\\n                                   | false
            if x:\\n  1 +                            | false
            lambda:                                  | false
            def f(:                                  | false
            x y                                      | false
            "  x"                                    | false
            if x:\\npass                             | false
            if x:\\n  pass\\n x                      | false
            x = 1;                                   | false
            """)
    void isIncompleteAsCodeop(String typed, boolean incomplete) {
        assertEquals(incomplete, SourceCompiler.isIncomplete(typed.replace("\\n", "\n").replace("\\\\", "\\")));
    }

    @Test
    void aPasteSplitsIntoTopLevelStatements() {
        String paste = """
                # a tutorial snippet
                def double(x):
                    y = x * 2

                    return y

                print(double(2)); print(3)
                class A:
                    pass
                """;
        assertEquals(List.of("def double(x):\n    y = x * 2\n\n    return y\n\n", "print(double(2)); print(3)\n", "class A:\n    pass\n"),
                SourceCompiler.statements(paste));
    }

    @Test
    void textThatDoesNotParseStaysWhole() {
        assertEquals(List.of("x = (1,\n2))\n"), SourceCompiler.statements("x = (1,\n2))\n"));
    }
}
