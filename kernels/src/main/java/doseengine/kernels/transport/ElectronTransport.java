package doseengine.kernels.transport;

import doseengine.kernels.ParticleType;
import doseengine.kernels.PhysicalConstants;
import doseengine.kernels.electron.BremsstrahlungSampler;
import doseengine.kernels.electron.ElasticSampler;
import doseengine.kernels.electron.ElectronLookup;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.electron.EnergyLossStraggling;
import doseengine.kernels.electron.MollerSampler;
import doseengine.kernels.rng.PhiloxStream;

/**
 * Transports one electron (or positron, with electron physics) through the voxel grid by class II condensed
 * history (DESIGN.md 3.3), until it falls to the absorption cutoff or leaves the grid. transport.md, "Electrons",
 * writes the step down line by line with its random draws; in short, each step:
 * <ol>
 *   <li>Step limits, as mass paths (g/cm2): the soft energy-loss limit {@code R(E) - R(E (1 - f))} from the
 *       restricted range R (f = maxStepEnergyLossFraction; down to E_abs when E (1 - f) is below it), and the
 *       distance to the next hard-event candidate, sampled with sigma_max, the largest total hard cross section
 *       (Moller above W_cc + bremsstrahlung above W_cr + hard elastic) over the energies the step can reach
 *       (the table nodes spanning [E (1 - f), E], extended down to E minus the largest straggled loss in class II).
 *       The step is the shorter of the two, divided by the voxel's density.</li>
 *   <li>Random hinge (PENELOPE-2008 manual, chapter 4, mixed simulation): move a uniformly sampled fraction of
 *       the step, deflect by the soft elastic angle of the whole step, move the rest. A step never crosses a face:
 *       reaching one (before or after the hinge) ends the step there, and the electron continues in the next
 *       voxel with that voxel's material and density.</li>
 *   <li>Soft energy loss over the path actually travelled: its mean w from the range table (the energy whose range
 *       is R(E) - rho s), in class II straggled by {@link EnergyLossStraggling} with variance rho s Omega_s^2
 *       (PENELOPE-2008 manual, section 4.2), except on the step that ends at the absorption cutoff; deposited in
 *       the step's voxel at the hinge, a uniformly distributed point of the step.</li>
 *   <li>At the end of a full step limited by the candidate, the hard event is real with probability
 *       sigma(E_event)/sigma_max, E_event being the energy after the soft loss (exact for energy-dependent cross
 *       sections, as in PENELOPE's delta-interaction scheme), and one uniform chooses hard elastic
 *       ({@link ElasticSampler}), Moller ({@link MollerSampler}: delta ray pushed, both directions from two-body
 *       kinematics) or bremsstrahlung ({@link BremsstrahlungSampler}: photon pushed in the 1/gamma cone,
 *       electron not deflected).</li>
 * </ol>
 * With {@link EnergyLossModel#CONTINUOUS} there are no Moller or bremsstrahlung events, no straggling, and the
 * range is the CSDA range: the electron loses energy continuously with the total stopping power.
 *
 * <p>Positrons are transported as electrons (Moller instead of Bhabha, electron stopping powers; the
 * differences are a few per cent in the stopping power and matter only for the rare pair events of these
 * nuclides) and annihilate at rest where they stop or deposit. Immutable and shared by all threads.
 *
 * <p>Device twin: {@code include/electron_step.clh}: {@code transport_electron}, {@code transport_hard_majorant},
 * {@code transport_grid_after}, {@code transport_energy_at}, {@code transport_moller_event},
 * {@code transport_brems_event}.
 */
final class ElectronTransport {
    private static final float INFINITY = Float.POSITIVE_INFINITY;

    private final ElectronTables tables;
    private final boolean hardInelastic;
    private final boolean softStraggling;
    private final int nodes;
    private final float lnEnergyMin;
    private final float lnEnergyStep;
    /** [m * N + i] ln of the range the soft loss follows: restricted (class II) or CSDA (continuous). */
    private final float[] lnRange;
    /** [m * N + i] sum of the hard cross sections (cm2/g) at node i: the majorant is the max over nodes. */
    private final float[] hardAtNode;
    private final float[] elasticHard;
    private final float[] moller;
    private final float[] brems;
    /** [m * N + i] Omega_s^2 (MeV2 cm2/g): the variance of the soft loss per unit mass path. */
    private final float[] straggling;
    /** [m] range (g/cm2) at the absorption cutoff. */
    private final float[] rangeAtCutoff;
    private final float gridAtCutoff;
    private final float cutoff;
    private final float mollerThreshold;
    private final float bremsThreshold;
    private final float keepFraction;
    /** ln(1 - f) in grid units: the grid position of E (1 - f) is the position of E plus this (negative). */
    private final float gridShiftOfStep;

    private final byte[] material;
    private final float[] density;
    private final VoxelNavigator navigator;

    ElectronTransport(TransportProblem p) {
        ElectronTables t = p.electrons();
        ElectronStepTables step = ElectronStepTables.of(p);
        this.tables = t;
        this.hardInelastic = step.hardInelastic();
        this.softStraggling = step.softStraggling();
        this.nodes = t.nodeCount();
        this.lnEnergyMin = (float) t.lnEnergyMin();
        this.lnEnergyStep = (float) t.lnEnergyStep();
        this.lnRange = step.lnRange();
        this.elasticHard = step.elasticHard();
        this.moller = step.moller();
        this.brems = step.brems();
        this.straggling = step.straggling();
        this.hardAtNode = step.hardAtNode();
        this.cutoff = step.cutoff();
        this.mollerThreshold = t.mollerThresholdMeV();
        this.bremsThreshold = t.bremsThresholdMeV();
        this.gridAtCutoff = step.gridAtCutoff();
        this.rangeAtCutoff = step.rangeAtCutoff();
        this.keepFraction = step.keepFraction();
        this.gridShiftOfStep = step.gridShiftOfStep();
        VoxelGeometry g = p.geometry();
        this.material = g.material();
        this.density = g.density();
        this.navigator = new VoxelNavigator(g);
    }

    /** Transports the current particle of {@code s} (an electron or a positron) to its end. */
    void transport(HistoryState s) {
        PhiloxStream rng = s.rng;
        boolean positron = s.type == ParticleType.POSITRON;
        float e = s.energy;
        VoxelCursor at = s.cursor;
        at.moveTo(s.x, s.y, s.z);
        float u = s.u;
        float v = s.v;
        float w = s.w;
        int voxel = s.voxel;
        navigator.locate(voxel, at);
        int m = material[voxel] & 0xFF;
        float rho = density[voxel];
        float gx = ElectronLookup.gridPosition(tables, e);
        float path = 0f;
        int steps = 0;
        int hardEvents = 0;
        boolean absorbed = e <= cutoff;
        while (!absorbed) {
            steps++;
            boolean crossed;
            float travelled;
            if (!(rho > 0f)) {
                // Vacuum: straight to the face, no loss, no scattering, no random number.
                travelled = navigator.distanceToFace(at, u, v, w);
                at.x += travelled * u;
                at.y += travelled * v;
                at.z += travelled * w;
                crossed = true;
            } else {
                int base = m * nodes;
                float range = (float) Math.exp(interpolate(lnRange, base, gx));
                boolean toCutoff = !(e * keepFraction > cutoff);
                float gridLow;
                float rangeLow;
                if (toCutoff) {
                    gridLow = gridAtCutoff;
                    rangeLow = rangeAtCutoff[m];
                } else {
                    gridLow = Math.max(0f, gx + gridShiftOfStep);
                    rangeLow = (float) Math.exp(interpolate(lnRange, base, gridLow));
                }
                float lossLimit = range - rangeLow;
                if (!(lossLimit > 0f)) {
                    absorbed = true; // within float rounding of the cutoff
                    break;
                }
                // Straggling in class II, except on the step to the cutoff: straggled there, an electron just above
                // the cutoff would take many tiny steps. A straggled loss can reach below E (1 - f), so the
                // majorant reaches down to E minus the largest loss this step (or a shorter one) can draw, with
                // the larger Omega_s^2 of the two ends (PENELOPE's JUMP does the same for its upper bound).
                boolean straggle = softStraggling && !toCutoff;
                float gridMajorant = gridLow;
                if (straggle) {
                    float omegaHigh = interpolate(straggling, base, gx);
                    float omegaLow = interpolate(straggling, base, gridLow);
                    float reach = EnergyLossStraggling.maxLoss(e - e * keepFraction,
                            lossLimit * (omegaHigh > omegaLow ? omegaHigh : omegaLow));
                    float lowest = e - reach;
                    float gridReach = lowest > 0f ? ElectronLookup.gridPosition(tables, lowest) : 0f;
                    if (gridReach < gridMajorant) {
                        gridMajorant = gridReach;
                    }
                }
                float sigmaMax = hardMajorant(base, gridMajorant, gx);
                float exponential = PhiloxStream.expSample(rng.nextFloat());
                float hardPath = sigmaMax > 0f ? exponential / sigmaMax : INFINITY;
                boolean hardCandidate = hardPath < lossLimit;
                float massStep = hardCandidate ? hardPath : lossLimit;
                float step = massStep / rho;
                float faceDistance = navigator.distanceToFace(at, u, v, w);
                float hinge = rng.nextFloat() * step;
                float depositX;
                float depositY;
                float depositZ;
                float gridEnd;
                if (hinge >= faceDistance) {
                    // The face comes first: no hinge on this step. (hinge - d)/(step - d) is uniform given
                    // hinge >= d, so the deposit point is uniform on the path travelled without another number.
                    travelled = faceDistance;
                    float fraction = step > faceDistance ? (hinge - faceDistance) / (step - faceDistance) : 0.5f;
                    depositX = at.x + fraction * faceDistance * u;
                    depositY = at.y + fraction * faceDistance * v;
                    depositZ = at.z + fraction * faceDistance * w;
                    at.x += faceDistance * u;
                    at.y += faceDistance * v;
                    at.z += faceDistance * w;
                    crossed = true;
                    gridEnd = gridAfter(base, gx, range - rho * travelled);
                } else {
                    at.x += hinge * u;
                    at.y += hinge * v;
                    at.z += hinge * w;
                    depositX = at.x;
                    depositY = at.y;
                    depositZ = at.z;
                    gridEnd = gridAfter(base, gx, range - massStep);
                    // Soft deflection of the whole step, with the cross sections at its mean log energy.
                    float deflection = ElasticSampler.sampleSoftDeflection(tables, m, 0.5f * (gx + gridEnd),
                            massStep, rng);
                    turn(s, u, v, w, deflection, rng.nextFloat());
                    u = s.direction[0];
                    v = s.direction[1];
                    w = s.direction[2];
                    float rest = step - hinge;
                    float faceDistance2 = navigator.distanceToFace(at, u, v, w);
                    if (rest < faceDistance2) {
                        travelled = step;
                        at.x += rest * u;
                        at.y += rest * v;
                        at.z += rest * w;
                        crossed = false;
                    } else {
                        travelled = hinge + faceDistance2;
                        at.x += faceDistance2 * u;
                        at.y += faceDistance2 * v;
                        at.z += faceDistance2 * w;
                        crossed = true;
                        gridEnd = gridAfter(base, gx, range - rho * travelled);
                    }
                }
                float eEnd = energyAt(gridEnd);
                if (eEnd > e) {
                    eEnd = e;
                    gridEnd = gx;
                }
                if (straggle) {
                    // Variance of the loss over the mass path travelled, Omega_s^2 at the step's mean grid position
                    // (where the soft deflection reads its cross sections).
                    float variance = rho * travelled * interpolate(straggling, base, 0.5f * (gx + gridEnd));
                    float loss = EnergyLossStraggling.sampleLoss(e - eEnd, variance, rng);
                    eEnd = loss < e ? e - loss : 0f;
                    gridEnd = ElectronLookup.gridPosition(tables, eEnd);
                }
                // e - eEnd is exact, so the deposit and eEnd add up to e exactly: either eEnd >= e/2 (Sterbenz), or
                // eEnd = e - loss with loss in (e/2, e], which is itself exact (Sterbenz), and e - eEnd == loss.
                s.deposit(voxel, depositX, depositY, depositZ, e - eEnd);
                e = eEnd;
                gx = gridEnd;
                if (!crossed) {
                    if (hardCandidate) {
                        float r = rng.nextFloat() * sigmaMax;
                        float sigmaElastic = interpolate(elasticHard, base, gx);
                        if (r < sigmaElastic) {
                            hardEvents++;
                            turn(s, u, v, w, ElasticSampler.sampleHardDeflection(tables, m, gx, rng),
                                    rng.nextFloat());
                            u = s.direction[0];
                            v = s.direction[1];
                            w = s.direction[2];
                        } else if (hardInelastic) {
                            r -= sigmaElastic;
                            float sigmaMoller = e > 2f * mollerThreshold ? interpolate(moller, base, gx) : 0f;
                            if (r < sigmaMoller) {
                                hardEvents++;
                                e = mollerEvent(s, e, at.x, at.y, at.z, u, v, w, voxel);
                                u = s.direction[0];
                                v = s.direction[1];
                                w = s.direction[2];
                                gx = ElectronLookup.gridPosition(tables, e);
                            } else {
                                r -= sigmaMoller;
                                float sigmaBrems = e > bremsThreshold ? interpolate(brems, base, gx) : 0f;
                                if (r < sigmaBrems) {
                                    hardEvents++;
                                    e = bremsEvent(s, m, e, gx, at.x, at.y, at.z, u, v, w, voxel);
                                    gx = ElectronLookup.gridPosition(tables, e);
                                }
                            }
                        }
                    } else if (toCutoff) {
                        absorbed = true;
                    }
                    if (e <= cutoff) {
                        absorbed = true;
                    }
                }
            }
            path += travelled;
            if (crossed) {
                boolean inside = navigator.crossFace(at, u, v, w);
                if (!inside) {
                    s.x = at.x;
                    s.y = at.y;
                    s.z = at.z;
                    s.u = u;
                    s.v = v;
                    s.w = w;
                    s.escape(e, hardEvents);
                    end(s, path, steps, at.x, at.y, at.z);
                    return;
                }
                voxel = navigator.flatIndex(at.i, at.j, at.k);
                m = material[voxel] & 0xFF;
                rho = density[voxel];
            }
        }
        // Absorbed: the rest of the kinetic energy stays here; a positron annihilates at rest.
        s.deposit(voxel, at.x, at.y, at.z, e);
        if (positron) {
            s.annihilate(at.x, at.y, at.z, voxel);
        }
        end(s, path, steps, at.x, at.y, at.z);
    }

    private void end(HistoryState s, float path, int steps, float x, float y, float z) {
        s.electronSteps += steps;
        if (s.observer != null) {
            s.observer.electronTrackEnded(s.type, path, steps, x, y, z);
        }
    }

    /**
     * Hard Moller collision with a free electron at rest: delta-ray energy W from {@link MollerSampler}; the
     * primary keeps T - W. Both directions follow from energy and momentum conservation,
     * cos^2 theta = (T'/T) (T + 2 m c^2) / (T' + 2 m c^2) for an outgoing kinetic energy T' (T - W for the
     * primary, W for the delta ray), on opposite azimuths (binary-collision kinematics, e.g. PENELOPE-2008
     * manual, chapter 3). Binding is neglected, as in the tables. Writes the primary's new direction into s.direction, pushes the delta ray and
     * returns the primary's energy.
     */
    private float mollerEvent(HistoryState s, float e, float x, float y, float z, float u, float v, float w,
                              int voxel) {
        PhiloxStream rng = s.rng;
        float delta = MollerSampler.sampleEnergyTransfer(e, mollerThreshold, rng);
        float primary = e - delta;
        delta = e - primary; // exact split: primary + delta == e
        float twoRest = PhysicalConstants.TWO_ELECTRON_REST_ENERGIES_MEV_F;
        float scale = (e + twoRest) / e;
        float cosPrimary = Math.min(1f, (float) Math.sqrt(primary * scale / (primary + twoRest)));
        float cosDelta = Math.min(1f, (float) Math.sqrt(delta * scale / (delta + twoRest)));
        float phi = Directions.TWO_PI * rng.nextFloat();
        float cosPhi = (float) Math.cos(phi);
        float sinPhi = (float) Math.sin(phi);
        Directions.rotate(u, v, w, cosDelta, Directions.sinFromCos(cosDelta), -cosPhi, -sinPhi,
                s.secondaryDirection);
        float du = s.secondaryDirection[0];
        float dv = s.secondaryDirection[1];
        float dw = s.secondaryDirection[2];
        Directions.rotate(u, v, w, cosPrimary, Directions.sinFromCos(cosPrimary), cosPhi, sinPhi, s.direction);
        s.secondary(ParticleType.ELECTRON, delta, x, y, z, du, dv, dw, voxel);
        return primary;
    }

    /**
     * Hard bremsstrahlung: photon energy k from {@link BremsstrahlungSampler}, photon direction in the 1/gamma
     * cone of the electron ({@link PhotonTransport#coneCosTheta}); the electron keeps its direction and T - k
     * (the electron's deflection in a radiative event is neglected, as in PENELOPE). Pushes the photon and
     * returns the electron's energy.
     */
    private float bremsEvent(HistoryState s, int m, float e, float gx, float x, float y, float z, float u, float v,
                             float w, int voxel) {
        PhiloxStream rng = s.rng;
        float k = BremsstrahlungSampler.samplePhotonEnergy(tables, m, e, gx, rng);
        float after = e - k;
        k = e - after; // exact split
        float cosTheta = PhotonTransport.coneCosTheta(e, rng.nextFloat());
        PhotonTransport.turn(s, u, v, w, cosTheta, rng.nextFloat());
        s.secondary(ParticleType.PHOTON, k, x, y, z, s.direction[0], s.direction[1], s.direction[2], voxel);
        return after;
    }

    /** Writes into s.direction the direction deflected by 1 - cos(theta) = {@code oneMinusCos}, azimuth 2 pi uPhi. */
    private static void turn(HistoryState s, float u, float v, float w, float oneMinusCos, float uPhi) {
        float phi = Directions.TWO_PI * uPhi;
        Directions.rotate(u, v, w, 1f - oneMinusCos, Directions.sinFromOneMinusCos(oneMinusCos),
                (float) Math.cos(phi), (float) Math.sin(phi), s.direction);
    }

    /**
     * The largest per-node sum of hard cross sections (cm2/g) on the table segments that hold the energies from
     * grid position {@code gridLow} to {@code gx}: a true bound of the interpolated cross sections there, because
     * linear interpolation never exceeds the larger node of its segment. One node of margin below.
     */
    private float hardMajorant(int base, float gridLow, float gx) {
        int lo = (int) gridLow - 1;
        if (lo < 0) {
            lo = 0;
        }
        int hi = (int) gx + 1;
        if (hi > nodes - 1) {
            hi = nodes - 1;
        }
        float max = 0f;
        for (int i = lo; i <= hi; i++) {
            float c = hardAtNode[base + i];
            if (c > max) {
                max = c;
            }
        }
        return max;
    }

    /**
     * Grid position of the energy whose range is {@code range} (g/cm2), at or below grid position {@code gx}: the
     * inverse of the piecewise-linear ln R(grid position), searched downwards from gx's node (a step loses a few
     * per cent of the energy, so this is one or two nodes).
     */
    private float gridAfter(int base, float gx, float range) {
        if (!(range > 0f)) {
            return 0f;
        }
        float lnR = (float) Math.log(range);
        int i = (int) gx;
        if (i > nodes - 2) {
            i = nodes - 2;
        }
        while (i > 0 && lnRange[base + i] > lnR) {
            i--;
        }
        float lo = lnRange[base + i];
        float f = (lnR - lo) / (lnRange[base + i + 1] - lo);
        f = f < 0f ? 0f : (f > 1f ? 1f : f);
        float g = i + f;
        return g < gx ? g : gx;
    }

    /** Kinetic energy (MeV) at a grid position. */
    private float energyAt(float gridPosition) {
        return (float) Math.exp(lnEnergyMin + gridPosition * lnEnergyStep);
    }

    /** Linear interpolation of a per-material array (offset {@code base} = m * N) at grid position gx. */
    private float interpolate(float[] a, int base, float gx) {
        int i = (int) gx;
        if (i > nodes - 2) {
            i = nodes - 2;
        }
        float f = gx - i;
        int k = base + i;
        return a[k] + f * (a[k + 1] - a[k]);
    }
}
