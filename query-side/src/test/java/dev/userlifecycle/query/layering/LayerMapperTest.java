package dev.userlifecycle.query.layering;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.userlifecycle.query.layering.Layer.CHURN_WARNING;
import static dev.userlifecycle.query.layering.Layer.MAINTAIN;
import static dev.userlifecycle.query.layering.Layer.POTENTIAL_GROWER;
import static dev.userlifecycle.query.layering.Layer.VALUE_CONTRIBUTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerMapperTest {

    // standardized centers: recency, active days 30, active days 90, frequency, monetary
    private static final double[] LONG_GONE = {2.0, -1.0, -1.0, -0.4, -0.3};
    private static final double[] BIG_SPENDERS = {-0.9, 1.5, 1.4, 2.2, 2.5};
    private static final double[] STEADY = {0.2, 0.1, 0.3, 0.3, 0.4};
    private static final double[] NEWCOMERS = {-1.2, 0.2, -0.3, -0.9, -0.8};
    private static final double[] FADING = {0.9, -0.7, -0.2, 0.0, 0.1};

    @Test
    void fourClustersTakeOneLayerEachWhateverTheirIndex() {
        Layer[] layers = LayerMapper.layers(clustering(STEADY, LONG_GONE, NEWCOMERS, BIG_SPENDERS));

        assertThat(layers).containsExactly(MAINTAIN, CHURN_WARNING, POTENTIAL_GROWER, VALUE_CONTRIBUTOR);
    }

    @Test
    void threeClustersLeaveMaintainUnused() {
        Layer[] layers = LayerMapper.layers(clustering(NEWCOMERS, BIG_SPENDERS, LONG_GONE));

        assertThat(layers).containsExactly(POTENTIAL_GROWER, VALUE_CONTRIBUTOR, CHURN_WARNING);
    }

    @Test
    void fiveClustersPutTheTwoInBetweenIntoMaintain() {
        Layer[] layers = LayerMapper.layers(clustering(FADING, BIG_SPENDERS, STEADY, LONG_GONE, NEWCOMERS));

        assertThat(layers).containsExactly(MAINTAIN, VALUE_CONTRIBUTOR, MAINTAIN, CHURN_WARNING, POTENTIAL_GROWER);
    }

    @Test
    void theLongestInactiveIsTheChurnWarningEvenWhenItSpentTheMost() {
        double[] lapsedWhales = {2.5, -1.0, -1.0, 1.5, 3.0};

        Layer[] layers = LayerMapper.layers(clustering(lapsedWhales, STEADY, NEWCOMERS, BIG_SPENDERS));

        assertThat(layers[0]).isEqualTo(CHURN_WARNING);
        assertThat(layers[3]).isEqualTo(VALUE_CONTRIBUTOR);
    }

    @Test
    void tiedRecencyGoesToTheLowerValueForChurnAndForGrowth() {
        double[] goneCheap = {2.0, -1.0, -1.0, -0.9, -0.9};
        double[] newCheap = {-1.0, 0.1, 0.1, -0.9, -0.9};
        double[] newBetter = {-1.0, 0.1, 0.1, -0.2, -0.1};

        Layer[] layers = LayerMapper.layers(clustering(LONG_GONE, goneCheap, newBetter, newCheap, BIG_SPENDERS));

        assertThat(layers).containsExactly(MAINTAIN, CHURN_WARNING, MAINTAIN, POTENTIAL_GROWER, VALUE_CONTRIBUTOR);
    }

    @Test
    void identicalCentersAreTakenInIndexOrder() {
        Layer[] layers = LayerMapper.layers(clustering(STEADY, STEADY, STEADY, STEADY));

        assertThat(layers).containsExactly(CHURN_WARNING, VALUE_CONTRIBUTOR, POTENTIAL_GROWER, MAINTAIN);
    }

    @Test
    void refusesFewerThanThreeOrMoreThanFiveClusters() {
        assertThatThrownBy(() -> LayerMapper.layers(clustering(STEADY, LONG_GONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 to 5 clusters, got 2");
        assertThatThrownBy(() -> LayerMapper.layers(clustering(STEADY, LONG_GONE, NEWCOMERS, BIG_SPENDERS, FADING, STEADY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 6");
    }

    private static Clustering clustering(double[]... centers) {
        double[] rows = Arrays.stream(centers).flatMapToDouble(Arrays::stream).toArray();
        return new Clustering(Feature.COUNT, rows, new int[0], 0, 1, true);
    }
}
