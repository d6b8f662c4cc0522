package doseengine.physics.electron;

import doseengine.physics.material.Material;

/**
 * All electron interaction data of one material in double precision: stopping powers, ranges, hard-event cross
 * sections and the elastic model. The table builder samples it on the energy grid; tests compare it with ESTAR.
 */
public final class ElectronMaterialPhysics {
    private final Material material;
    private final CollisionStoppingPower collision;
    private final BremsstrahlungModel bremsstrahlung;
    private final WentzelElasticModel elastic;

    public ElectronMaterialPhysics(Material material) {
        this(material, SeltzerBergerTable.standard());
    }

    public ElectronMaterialPhysics(Material material, SeltzerBergerTable seltzerBerger) {
        this(material, seltzerBerger, true);
    }

    /** With {@code spinCorrection} false the elastic model is Moliere-screened Wentzel without the Mott factor. */
    public ElectronMaterialPhysics(Material material, SeltzerBergerTable seltzerBerger, boolean spinCorrection) {
        this.material = material;
        this.collision = new CollisionStoppingPower(material);
        this.bremsstrahlung = new BremsstrahlungModel(material, seltzerBerger);
        this.elastic = new WentzelElasticModel(material, spinCorrection);
    }

    public Material material() { return material; }

    public CollisionStoppingPower collision() { return collision; }

    public BremsstrahlungModel bremsstrahlung() { return bremsstrahlung; }

    public WentzelElasticModel elastic() { return elastic; }

    /** Collision stopping power (MeV cm2/g). */
    public double collisionStoppingPower(double t) {
        return collision.total(t);
    }

    /** Radiative stopping power (MeV cm2/g). */
    public double radiativeStoppingPower(double t) {
        return bremsstrahlung.stoppingPower(t);
    }

    /** Collision plus radiative stopping power (MeV cm2/g). */
    public double totalStoppingPower(double t) {
        return collision.total(t) + bremsstrahlung.stoppingPower(t);
    }

    /** Soft stopping power (MeV cm2/g): collisions below W_cc plus bremsstrahlung photons below W_cr. */
    public double restrictedStoppingPower(double t, double wcc, double wcr) {
        return collision.restricted(t, wcc) + bremsstrahlung.restrictedStoppingPower(t, wcr);
    }

    /**
     * Soft energy-loss straggling parameter Omega_s^2 (MeV2 cm2/g): the second moment of the soft energy losses
     * per unit mass path, collisions below min(W_cc, T/2) with free-electron Moller scattering (n_e electrons per
     * gram, as the hard Moller cross section) plus bremsstrahlung photons below W_cr (PENELOPE-2008 manual,
     * section 4.2). Over a mass path s the soft loss has variance s Omega_s^2.
     */
    public double softStraggling(double t, double wcc, double wcr) {
        return material.electronsPerGram() * MollerCrossSection.softSecondMoment(t, wcc)
                + bremsstrahlung.softSecondMoment(t, wcr);
    }

    /** CSDA range (g/cm2), see {@link RangeIntegrator} for the part below 1 keV. */
    public double csdaRange(double t) {
        return RangeIntegrator.range(this::totalStoppingPower, t);
    }

    /** Range under the soft stopping power (g/cm2). */
    public double restrictedRange(double t, double wcc, double wcr) {
        return RangeIntegrator.range(e -> restrictedStoppingPower(e, wcc, wcr), t, 2 * wcc, wcr);
    }

    /** Hard Moller cross section (cm2/g): delta rays above W_cc. */
    public double mollerCrossSection(double t, double wcc) {
        return material.electronsPerGram() * MollerCrossSection.hard(t, wcc);
    }

    /** Hard bremsstrahlung cross section (cm2/g): photons above W_cr. */
    public double bremsCrossSection(double t, double wcr) {
        return bremsstrahlung.hardCrossSection(t, wcr);
    }

    /**
     * Cutoff x_c = 1 - cos(theta_c) of the mixed elastic scheme: hard events have mean free path
     * lambda_h = max(lambda_el, min(C1 lambda_1, C2 T / S)) (PENELOPE-2008 manual, ch. 4, mixed simulation of
     * elastic scattering), with S the total stopping power. lambda_el and lambda_1 are those of the elastic model,
     * so with the spin correction on they include its factor on the amplitude.
     */
    public double elasticCutoff(double t, double c1, double c2) {
        double lambdaEl = 1 / elastic.total(t);
        double lambda1 = 1 / elastic.transport1(t);
        double lambdaH = Math.max(lambdaEl, Math.min(c1 * lambda1, c2 * t / totalStoppingPower(t)));
        return elastic.cutoffFor(t, 1 / lambdaH);
    }
}
