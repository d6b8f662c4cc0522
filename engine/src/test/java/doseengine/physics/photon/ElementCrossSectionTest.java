package doseengine.physics.photon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Element cross sections on their native XCOM grid. Expected numbers are copied from the resource files
 * (xcom_photo.data, xcom_pair.data, xcom_compton.data: ln E, ln sigma pairs), so a parsing or interpolation
 * error shows up as a mismatch far above the 1e-12 rounding allowed here.
 */
class ElementCrossSectionTest {
    private final XcomLibrary xcom = XcomLibrary.standard();

    @Test
    void calciumKEdgeKeepsBothValuesAndAnEnergyAtTheEdgeIsAboveIt() {
        ElementCrossSection ca = xcom.crossSection(20, XcomProcess.PHOTOELECTRIC);
        // xcom_photo.data, Z = 20: ... (-5.52146, 8.98319) (-5.51198, 8.95712) (-5.51198, 11.12682) (-5.40515, 10.86475)
        assertArrayEquals(new double[] {-5.51198}, ca.edgeLnEnergies(), 0);
        assertEquals(Math.exp(11.12682), ca.sigmaBarnAtLn(-5.51198, EdgeSide.ABOVE), 1e-12 * Math.exp(11.12682));
        assertEquals(Math.exp(8.95712), ca.sigmaBarnAtLn(-5.51198, EdgeSide.BELOW), 1e-12 * Math.exp(8.95712));
        // Log-log interpolation: halfway in ln E is halfway in ln sigma, on either side of the edge.
        double below = (-5.52146 + -5.51198) / 2;
        assertEquals(Math.exp((8.98319 + 8.95712) / 2), ca.sigmaBarnAtLn(below, EdgeSide.ABOVE), 1e-9);
        double above = (-5.51198 + -5.40515) / 2;
        assertEquals(Math.exp((11.12682 + 10.86475) / 2), ca.sigmaBarnAtLn(above, EdgeSide.BELOW), 1e-9);
    }

    @Test
    void iodineKEdgeIsAt33keV() {
        double[] edges = xcom.crossSection(53, XcomProcess.PHOTOELECTRIC).edgeLnEnergies();
        double k = edges[edges.length - 1];
        assertEquals(33.169, 1000 * Math.exp(k), 0.01);
        // xcom_photo.data, Z = 53: sigma jumps from exp(7.10988) to exp(8.90829) b at the K edge (ratio 6.04).
        ElementCrossSection iodine = xcom.crossSection(53, XcomProcess.PHOTOELECTRIC);
        assertEquals(Math.exp(8.90829 - 7.10988),
                iodine.sigmaBarnAtLn(k, EdgeSide.ABOVE) / iodine.sigmaBarnAtLn(k, EdgeSide.BELOW), 1e-9);
    }

    @Test
    void pairProductionIsZeroBelowItsFirstTabulatedEnergy() {
        ElementCrossSection pair = xcom.crossSection(8, XcomProcess.PAIR_NUCLEAR);
        // xcom_pair.data, Z = 8 starts at (0.02956, -17.05638): E = 1.0300 MeV.
        assertEquals(0.02956, pair.firstLnEnergy(), 0);
        assertEquals(0, pair.sigmaBarn(1.02, EdgeSide.ABOVE));
        assertEquals(0, pair.sigmaBarnAtLn(0.02956, EdgeSide.BELOW));
        assertEquals(Math.exp(-17.05638), pair.sigmaBarnAtLn(0.02956, EdgeSide.ABOVE), 1e-20);
        assertTrue(pair.sigmaBarn(2.0, EdgeSide.ABOVE) > pair.sigmaBarn(1.5, EdgeSide.ABOVE));
    }

    @Test
    void valuesAtNativeNodesAreTheTabulatedOnes() {
        ElementCrossSection compton = xcom.crossSection(8, XcomProcess.INCOHERENT);
        // xcom_compton.data, Z = 8: (-5.67141, 0.47), (-5.5478, 0.60704), (-5.42411, 0.73092).
        assertEquals(Math.exp(0.60704), compton.sigmaBarnAtLn(-5.5478, EdgeSide.ABOVE), 1e-12);
        assertEquals(Math.exp(0.60704), compton.sigmaBarnAtLn(-5.5478, EdgeSide.BELOW), 1e-12);
        assertEquals(0, compton.edgeLnEnergies().length);
    }

    @Test
    void elementsWithFlawedGridsAreRefusedWithTheReason() {
        // Re (Z=75) has ln E -6.30733 followed by -6.30760 in xcom_photo.data: an edge rounded two ways.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> xcom.crossSection(75, XcomProcess.PHOTOELECTRIC));
        assertTrue(e.getMessage().contains("Z=75"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> xcom.crossSection(101, XcomProcess.PHOTOELECTRIC));
    }

    @Test
    void energyAboveTheDataIsRefused() {
        // The data end at 100 GeV.
        assertThrows(IllegalArgumentException.class,
                () -> xcom.crossSection(8, XcomProcess.COHERENT).sigmaBarn(2e5, EdgeSide.ABOVE));
    }
}
