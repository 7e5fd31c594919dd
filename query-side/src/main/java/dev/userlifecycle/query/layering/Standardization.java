package dev.userlifecycle.query.layering;

/**
 * Z-scores per column of a row-major matrix: {@code (x - mean) / standard deviation}, with the
 * population standard deviation (divided by n). A constant column becomes all zeros: it carries
 * no information, and dividing by a rounding residue would blow it up instead.
 */
record Standardization(double[] means, double[] deviations) {

    static Standardization of(double[] rows, int columns) {
        int n = rows.length / columns;
        double[] means = new double[columns];
        double[] deviations = new double[columns];
        for (int column = 0; column < columns; column++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int i = column; i < rows.length; i += columns) {
                min = Math.min(min, rows[i]);
                max = Math.max(max, rows[i]);
                sum += rows[i];
            }
            if (n == 0 || min == max) {
                means[column] = n == 0 ? 0 : min;
                deviations[column] = 1;
                continue;
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = column; i < rows.length; i += columns) {
                double difference = rows[i] - mean;
                squares += difference * difference;
            }
            means[column] = mean;
            deviations[column] = Math.sqrt(squares / n);
        }
        return new Standardization(means, deviations);
    }

    void applyInPlace(double[] rows) {
        int columns = means.length;
        for (int i = 0; i < rows.length; i++) {
            int column = i % columns;
            rows[i] = (rows[i] - means[column]) / deviations[column];
        }
    }

    double invert(int column, double z) {
        return means[column] + z * deviations[column];
    }
}
