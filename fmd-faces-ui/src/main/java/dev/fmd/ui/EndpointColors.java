package dev.fmd.ui;

import java.util.Map;

/**
 * The colour of an endpoint on every chart and in the overview: the one {@code fmd.colors} gives it, or one hashed
 * from its name, so that an endpoint keeps its colour across pages, restarts and instances.
 */
final class EndpointColors {

    private static final String HEX = "0123456789abcdef";

    private EndpointColors() {
    }

    /**
     * @param name       an endpoint name
     * @param configured colours by endpoint name
     * @return a CSS colour
     */
    static String of(String name, Map<String, String> configured) {
        String color = name == null ? null : configured.get(name);
        if (color != null) {
            return color;
        }
        int hash = name == null ? 0 : name.hashCode() * 0x9E3779B1;
        double hue = ((hash >>> 8) % 360);
        double saturation = 0.50 + ((hash >>> 4) & 0x7) * 0.03;
        double lightness = 0.38 + (hash & 0xF) * 0.01;
        return hex(hue, saturation, lightness);
    }

    private static String hex(double hue, double saturation, double lightness) {
        double c = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double x = c * (1 - Math.abs((hue / 60) % 2 - 1));
        double m = lightness - c / 2;
        double[] rgb = hue < 60 ? new double[] {c, x, 0} : hue < 120 ? new double[] {x, c, 0}
                : hue < 180 ? new double[] {0, c, x} : hue < 240 ? new double[] {0, x, c}
                : hue < 300 ? new double[] {x, 0, c} : new double[] {c, 0, x};
        StringBuilder css = new StringBuilder(7).append('#');
        for (double channel : rgb) {
            long value = Math.round((channel + m) * 255);   // 0 to 255
            css.append(HEX.charAt((int) (value >> 4 & 0xf))).append(HEX.charAt((int) (value & 0xf)));
        }
        return css.toString();   // as "#%02x%02x%02x", without parsing a format for each endpoint of a page
    }
}
