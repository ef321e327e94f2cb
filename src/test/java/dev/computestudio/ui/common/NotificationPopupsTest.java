package dev.computestudio.ui.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPopupsTest {

    @Test
    void longTextsAreBrokenBetweenWordsSoThePopupStaysACornerCard() {
        String wrapped = NotificationPopups.wrap("Low-priority node tvm-1_1-20261127t022922z of lowpri-cluster (ml-dev) "
                + "was preempted; job train-resnet goes back to the queue.", 40);

        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
        assertThat(wrapped.replace('\n', ' ')).isEqualTo("Low-priority node tvm-1_1-20261127t022922z of lowpri-cluster "
                + "(ml-dev) was preempted; job train-resnet goes back to the queue.");
    }

    @Test
    void aWordLongerThanALineIsCut() {
        assertThat(NotificationPopups.wrap("abcdefghij klm", 4)).isEqualTo("abcd\nefgh\nij\nklm");
        assertThat(NotificationPopups.wrap("short", 40)).isEqualTo("short");
    }
}
