package dev.userlifecycle.query.layering;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.userlifecycle.query.layering.RfmSegment.ABOUT_TO_SLEEP;
import static dev.userlifecycle.query.layering.RfmSegment.AT_RISK;
import static dev.userlifecycle.query.layering.RfmSegment.CANT_LOSE_THEM;
import static dev.userlifecycle.query.layering.RfmSegment.CHAMPIONS;
import static dev.userlifecycle.query.layering.RfmSegment.HIBERNATING;
import static dev.userlifecycle.query.layering.RfmSegment.LOST;
import static dev.userlifecycle.query.layering.RfmSegment.LOYAL;
import static dev.userlifecycle.query.layering.RfmSegment.NEED_ATTENTION;
import static dev.userlifecycle.query.layering.RfmSegment.NEW;
import static dev.userlifecycle.query.layering.RfmSegment.POTENTIAL_LOYALIST;
import static dev.userlifecycle.query.layering.RfmSegment.PROMISING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RfmSegmentTest {

    @Test
    void theRecencyAgainstFrequencyMonetaryGridIsTheDocumentedOne() {
        RfmSegment[][] expectedFromRecencyFiveDown = {
                {NEW, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, CHAMPIONS, CHAMPIONS},
                {PROMISING, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, LOYAL, LOYAL},
                {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
                {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE_THEM},
                {LOST, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE_THEM},
        };
        for (int r = 5; r >= 1; r--) {
            for (int fm = 1; fm <= 5; fm++) {
                assertThat(RfmSegment.of(r, fm, fm)).as("R=%d FM=%d", r, fm)
                        .isEqualTo(expectedFromRecencyFiveDown[5 - r][fm - 1]);
            }
        }
    }

    @Test
    void theTwentyFiveCellsOfTheGridCoverEveryOneOfTheElevenSegments() {
        Map<RfmSegment, Integer> cells = new EnumMap<>(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                cells.merge(RfmSegment.of(r, fm, fm), 1, Integer::sum);
            }
        }

        assertThat(cells).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(CHAMPIONS, 2), Map.entry(LOYAL, 4), Map.entry(POTENTIAL_LOYALIST, 4),
                Map.entry(NEW, 1), Map.entry(PROMISING, 1), Map.entry(NEED_ATTENTION, 1),
                Map.entry(ABOUT_TO_SLEEP, 2), Map.entry(AT_RISK, 4), Map.entry(CANT_LOSE_THEM, 2),
                Map.entry(HIBERNATING, 3), Map.entry(LOST, 1)));
        assertThat(cells.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
    }

    @Test
    void everyScoreTripleMapsToASegmentAndAllElevenAreReached() {
        Set<RfmSegment> reached = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    RfmSegment segment = RfmSegment.of(r, f, m);
                    assertThat(segment).isNotNull();
                    reached.add(segment);
                }
            }
        }

        assertThat(reached).containsExactlyInAnyOrder(RfmSegment.values());
    }

    @Test
    void theAverageOfFrequencyAndMonetaryRoundsHalfUp() {
        assertThat(RfmSegment.frequencyMonetary(new RfmScores(3, 1, 2))).isEqualTo(2);
        assertThat(RfmSegment.frequencyMonetary(new RfmScores(3, 4, 5))).isEqualTo(5);
        assertThat(RfmSegment.frequencyMonetary(new RfmScores(3, 1, 4))).isEqualTo(3);

        assertThat(RfmSegment.of(5, 1, 2)).isEqualTo(POTENTIAL_LOYALIST);
        assertThat(RfmSegment.of(1, 5, 4)).isEqualTo(CANT_LOSE_THEM);
        assertThat(RfmSegment.of(3, 4, 3)).isEqualTo(LOYAL);
    }

    @Test
    void scoresOutsideOneToFiveAreRejected() {
        assertThatThrownBy(() -> RfmSegment.of(0, 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recency");
        assertThatThrownBy(() -> RfmSegment.of(3, 6, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frequency");
    }

    @Test
    void segmentsHaveTheirUsualNames() {
        assertThat(CANT_LOSE_THEM.displayName()).isEqualTo("Can't Lose Them");
        assertThat(POTENTIAL_LOYALIST.displayName()).isEqualTo("Potential Loyalist");
    }
}
