package io.threadwatch.analyzer.source.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field lookups by name give the metadata's index whether the name is asked by the same string or an equal one. */
class TypeDescriptorTest {

    private static TypeDescriptor park() {
        List<FieldDescriptor> fields = new ArrayList<>();
        for (String name : List.of("startTime", "duration", "eventThread", "stackTrace", "parkedClass", "timeout",
                "until", "address")) {
            fields.add(new FieldDescriptor(name, 1, false, false, FieldDescriptor.TimeUnit.NONE));
        }
        return new TypeDescriptor(100, "jdk.ThreadPark", "jdk.jfr.Event", false, fields);
    }

    @Test
    void aNameAskedAgainByTheSameStringOrAnEqualOneFindsTheSameField() {
        TypeDescriptor type = park();
        String timeout = "timeout";
        String built = new String("time") + "out";

        assertThat(type.indexOf(timeout)).isEqualTo(5);
        assertThat(type.indexOf(timeout)).as("remembered by reference").isEqualTo(5);
        assertThat(type.indexOf(built)).as("an equal string that is another object").isEqualTo(5);
        assertThat(type.indexOf("parkedClass")).isEqualTo(4);
        assertThat(type.indexOf("blocker")).as("no such field, twice").isEqualTo(-1);
        assertThat(type.indexOf("blocker")).isEqualTo(-1);
    }

    @Test
    void namesBeyondTheRememberedOnesStillFindTheirFields() {
        TypeDescriptor type = park();
        // Names built per call are different objects each time: they fill what is remembered.
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 40; i++) {
                assertThat(type.indexOf("missing" + i)).isEqualTo(-1);
            }
            assertThat(type.indexOf(new String("until"))).isEqualTo(6);
            assertThat(type.indexOf("address")).isEqualTo(7);
            assertThat(type.indexOf("startTime")).isEqualTo(0);
        }
    }
}
