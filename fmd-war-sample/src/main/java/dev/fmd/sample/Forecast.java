package dev.fmd.sample;

import java.util.Random;

/**
 * A small sales forecast with a few levels of calls, so that the profiler has a tree worth showing: the history is
 * simulated, smoothed, fitted with least squares and extrapolated.
 */
final class Forecast {

    private Forecast() {
    }

    /**
     * @param points how many past points to fit (the cost grows with it)
     * @param days   how many days to predict
     * @return the predicted sales of the last of those days
     */
    static double predict(int points, int days) {
        double[] history = History.simulate(points);
        double[] smooth = History.movingAverage(history, 64);
        double[] coefficients = Fit.leastSquares(smooth, 4);
        return Fit.evaluate(coefficients, (points + days) / (double) points);
    }

    /** The past, simulated. */
    static final class History {

        private History() {
        }

        static double[] simulate(int points) {
            Random random = new Random(points);
            double[] values = new double[points];
            for (int i = 0; i < points; i++) {
                double t = i / (double) points;
                values[i] = 100 + 40 * t + 15 * Math.sin(t * 40) + random.nextGaussian() * 5;
            }
            return values;
        }

        static double[] movingAverage(double[] values, int width) {
            double[] smooth = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                double sum = 0;
                int from = Math.max(0, i - width + 1);
                for (int j = from; j <= i; j++) {
                    sum += values[j];
                }
                smooth[i] = sum / (i - from + 1);
            }
            return smooth;
        }
    }

    /** Polynomial least squares through the normal equations. */
    static final class Fit {

        private Fit() {
        }

        static double[] leastSquares(double[] values, int degree) {
            int n = degree + 1;
            double[][] normal = new double[n][n + 1];
            for (int i = 0; i < values.length; i++) {
                double[] powers = powers(i / (double) values.length, 2 * n);
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        normal[r][c] += powers[r + c];
                    }
                    normal[r][n] += powers[r] * values[i];
                }
            }
            return solve(normal);
        }

        static double evaluate(double[] coefficients, double x) {
            double value = 0;
            for (int k = coefficients.length - 1; k >= 0; k--) {
                value = value * x + coefficients[k];
            }
            return value;
        }

        private static double[] powers(double x, int count) {
            double[] powers = new double[count];
            powers[0] = 1;
            for (int k = 1; k < count; k++) {
                powers[k] = powers[k - 1] * x;
            }
            return powers;
        }

        private static double[] solve(double[][] m) {
            int n = m.length;
            for (int p = 0; p < n; p++) {
                for (int r = p + 1; r < n; r++) {
                    double f = m[r][p] / m[p][p];
                    for (int c = p; c <= n; c++) {
                        m[r][c] -= f * m[p][c];
                    }
                }
            }
            double[] x = new double[n];
            for (int r = n - 1; r >= 0; r--) {
                double sum = m[r][n];
                for (int c = r + 1; c < n; c++) {
                    sum -= m[r][c] * x[c];
                }
                x[r] = sum / m[r][r];
            }
            return x;
        }
    }
}
