package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.Rule;
import io.threadwatch.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The built-in catalog and rules are read once per process, however many threads ask at once. */
class BuiltInsTest {

    @Test
    void everyCallerGetsTheOneReadOfEach() throws Exception {
        BuiltIns.preload();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object[]>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // Half ask for the rules first, as the defaults do, half for the catalog.
                boolean rulesFirst = i % 2 == 0;
                Callable<Object[]> ask = () -> rulesFirst
                        ? new Object[] {BuiltIns.catalog(), BuiltIns.rules()}
                        : new Object[] {BuiltIns.catalog(), BuiltIns.rules()};
                asked.add(pool.submit(ask));
            }
            for (Future<Object[]> answer : asked) {
                Object[] both = answer.get();
                assertThat(both[0]).isSameAs(BuiltIns.catalog());
                assertThat(both[1]).isSameAs(BuiltIns.rules());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theyAreWhatTheLoadersRead() {
        RuleSet fresh = AnalysisOptions.ruleLoader().builtIn();
        Catalog catalog = BuiltIns.catalog();

        assertThat(BuiltIns.rules().all()).isEqualTo(fresh.all());
        assertThat(BuiltIns.rules().all()).extracting(Rule::id).contains("creation-storm");
        assertThat(catalog.infrastructurePrefixes()).contains("io.netty.");
        assertThat(AnalysisOptions.defaults().rules()).isSameAs(BuiltIns.rules());
        assertThat(AnalysisOptions.defaults().catalog()).isSameAs(catalog);
    }
}
