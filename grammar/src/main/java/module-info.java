/** The mp grammar: the ANTLR-generated lexer and parser, and the syntax problems they report. */
module dev.mp.grammar {
    requires transitive org.antlr.antlr4.runtime;

    exports dev.mp.grammar;
}
