package dev.mp.runtime.nodes;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/** The root of module, function, class-body and generator-body code: knows its name and source for tracebacks. */
public abstract class MpRootNode extends RootNode {
    private final String name;
    private final Source source;

    protected MpRootNode(TruffleLanguage<?> language, FrameDescriptor descriptor, String name, Source source) {
        super(language, descriptor);
        this.name = name;
        this.source = source;
    }

    @Override
    public String getName() {
        return name;
    }

    public Source source() {
        return source;
    }

    @Override
    public SourceSection getSourceSection() {
        return source.createUnavailableSection();
    }

    @Override
    public String toString() {
        return name;
    }
}
