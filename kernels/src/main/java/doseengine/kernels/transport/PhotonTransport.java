package doseengine.kernels.transport;

import doseengine.kernels.ParticleType;
import doseengine.kernels.PhysicalConstants;
import doseengine.kernels.UniformSource;
import doseengine.kernels.photon.ComptonSampler;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.photon.PhotonMajorant;
import doseengine.kernels.photon.PhotonScatter;
import doseengine.kernels.photon.RayleighSampler;
import doseengine.kernels.rng.PhiloxStream;

/**
 * Transports one photon through the voxel grid until it is absorbed, falls below the photon cutoff or leaves the
 * grid (DESIGN.md 3.2; the algorithm and its random draws are written down in transport.md, "Photons").
 *
 * <p>Woodcock (delta) tracking: flights are sampled with the grid's majorant mu_max(E) (per ln E bin), which no
 * voxel exceeds, so the photon never has to stop at voxel faces; at the end of a flight the collision is real
 * with probability mu(E, material) rho / mu_max, otherwise nothing happens and the photon flies on (Woodcock et
 * al., Proc. Conf. Application of Computing Methods to Reactor Problems, ANL-7050 (1965) 557). A real collision
 * picks coherent, incoherent, photoelectric or pair production in proportion to their coefficients:
 * <ul>
 *   <li>coherent: new direction from {@link RayleighSampler}, same energy;</li>
 *   <li>incoherent: scattered photon and recoil electron from {@link ComptonSampler} (Klein-Nishina times S(x));
 *       the electron takes E - E' along the momentum transfer E d - E' d' (momentum conservation for an electron
 *       at rest; binding and Doppler broadening are not modelled);</li>
 *   <li>photoelectric: the photon is absorbed and a photoelectron with the photon's whole energy starts in the
 *       direction of Sauter's K-shell distribution (the binding energy is not subtracted; see transport.md);</li>
 *   <li>pair: an electron and a positron share E - 2 m c^2 uniformly, each in a direction from the leading-order
 *       1/gamma cone; the positron annihilates at rest where it stops.</li>
 * </ul>
 * Immutable and shared by all threads; the per-thread state is {@link HistoryState}.
 *
 * <p>Device twin: {@code include/photon_step.clh}: {@code transport_photon}, {@code transport_sauter_cos_theta},
 * {@code transport_cone_cos_theta}, {@code transport_pair_production}.
 */
final class PhotonTransport {
    private final PhotonCrossSections crossSections;
    private final PhotonMajorant majorant;
    private final ComptonSampler compton;
    private final RayleighSampler rayleigh;
    private final byte[] material;
    private final float[] density;
    private final VoxelNavigator navigator;
    private final float photonCutoff;

    PhotonTransport(TransportProblem p) {
        this.crossSections = p.photonCrossSections();
        this.majorant = p.photonMajorant();
        this.compton = p.compton();
        this.rayleigh = p.rayleigh();
        VoxelGeometry g = p.geometry();
        this.material = g.material();
        this.density = g.density();
        this.navigator = new VoxelNavigator(g);
        this.photonCutoff = p.parameters().photonCutoffMeV();
    }

    /** Transports the current particle of {@code s} (a photon) to its end. */
    void transport(HistoryState s) {
        PhiloxStream rng = s.rng;
        float e = s.energy;
        float x = s.x;
        float y = s.y;
        float z = s.z;
        float u = s.u;
        float v = s.v;
        float w = s.w;
        VoxelCursor at = s.cursor;
        at.moveTo(x, y, z);
        int interactions = 0;
        float lnE = (float) Math.log(e);
        float muMax = majorant.at(lnE);
        while (true) {
            float flight = PhiloxStream.expSample(rng.nextFloat()) / muMax;
            boolean inside = navigator.woodcockFlight(at, flight, u, v, w);
            x = at.x;
            y = at.y;
            z = at.z;
            if (!inside) {
                s.x = x;
                s.y = y;
                s.z = z;
                s.u = u;
                s.v = v;
                s.w = w;
                s.escape(e, interactions);
                return;
            }
            int voxel = at.voxel;
            int m = material[voxel] & 0xFF;
            int node = crossSections.node(lnE);
            float mu = crossSections.muOverRho(PhotonCrossSections.TOTAL, m, node, lnE) * density[voxel];
            if (!(rng.nextFloat() * muMax < mu)) {
                continue; // a virtual (delta) collision: nothing happens
            }
            interactions++;
            int process = crossSections.selectProcess(m, node, lnE, rng.nextFloat());
            if (process == PhotonCrossSections.COHERENT) {
                float cosTheta = rayleigh.sampleCosTheta(m, e, lnE, node, rng);
                turn(s, u, v, w, cosTheta, rng.nextFloat());
                u = s.direction[0];
                v = s.direction[1];
                w = s.direction[2];
            } else if (process == PhotonCrossSections.INCOHERENT) {
                PhotonScatter out = s.scatter;
                compton.sample(m, e, rng, out);
                // An exact split of e: both parts are floats and add up to e exactly (transport.md, "Energy").
                float electronEnergy = e - out.photonEnergy;
                float photonEnergy = e - electronEnergy;
                turn(s, u, v, w, out.cosTheta, rng.nextFloat());
                float nu = s.direction[0];
                float nv = s.direction[1];
                float nw = s.direction[2];
                // Recoil electron along the momentum transfer p - p' (units of MeV/c).
                float pu = e * u - photonEnergy * nu;
                float pv = e * v - photonEnergy * nv;
                float pw = e * w - photonEnergy * nw;
                float norm = (float) Math.sqrt(pu * pu + pv * pv + pw * pw);
                if (norm > 0f) {
                    s.secondary(ParticleType.ELECTRON, electronEnergy, x, y, z, pu / norm, pv / norm, pw / norm,
                            voxel);
                } else {
                    s.deposit(voxel, x, y, z, electronEnergy);
                }
                u = nu;
                v = nv;
                w = nw;
                e = photonEnergy;
                if (e < photonCutoff) {
                    s.deposit(voxel, x, y, z, e);
                    return;
                }
                lnE = (float) Math.log(e);
                muMax = majorant.at(lnE);
            } else if (process == PhotonCrossSections.PHOTOELECTRIC) {
                float cosTheta = sauterCosTheta(e, rng);
                turn(s, u, v, w, cosTheta, rng.nextFloat());
                s.secondary(ParticleType.ELECTRON, e, x, y, z, s.direction[0], s.direction[1], s.direction[2],
                        voxel);
                return;
            } else {
                pairProduction(s, e, x, y, z, u, v, w, voxel);
                return;
            }
        }
    }

    /**
     * Electron and positron share the kinetic energy E - 2 m c^2 uniformly (a flat approximation of the
     * Bethe-Heitler sharing, fair near threshold where all pair events of these nuclides are); each starts in its
     * own direction from the 1/gamma cone ({@link #coneCosTheta}) with its own azimuth.
     */
    private void pairProduction(HistoryState s, float e, float x, float y, float z, float u, float v, float w,
                                int voxel) {
        PhiloxStream rng = s.rng;
        float kinetic = e - PhysicalConstants.TWO_ELECTRON_REST_ENERGIES_MEV_F;
        if (!(kinetic > 0f)) {
            s.deposit(voxel, x, y, z, e); // unreachable with XCOM data (pair is zero below 1.03 MeV); keeps energy
            return;
        }
        float electronEnergy = rng.nextFloat() * kinetic;
        float positronEnergy = kinetic - electronEnergy;
        electronEnergy = kinetic - positronEnergy;
        turn(s, u, v, w, coneCosTheta(electronEnergy, rng.nextFloat()), rng.nextFloat());
        s.secondary(ParticleType.ELECTRON, electronEnergy, x, y, z, s.direction[0], s.direction[1], s.direction[2],
                voxel);
        turn(s, u, v, w, coneCosTheta(positronEnergy, rng.nextFloat()), rng.nextFloat());
        s.secondary(ParticleType.POSITRON, positronEnergy, x, y, z, s.direction[0], s.direction[1], s.direction[2],
                voxel);
    }

    /** Writes into s.direction the direction at polar cosine cosTheta and azimuth 2 pi uPhi from (u, v, w). */
    static void turn(HistoryState s, float u, float v, float w, float cosTheta, float uPhi) {
        float phi = Directions.TWO_PI * uPhi;
        Directions.rotate(u, v, w, cosTheta, Directions.sinFromCos(cosTheta), (float) Math.cos(phi),
                (float) Math.sin(phi), s.direction);
    }

    /**
     * Polar cosine of a photoelectron of kinetic energy {@code t} (MeV) relative to the photon, from Sauter's K-shell
     * distribution dsigma/dOmega ~ sin^2 theta / (1 - beta cos theta)^4 [1 + gamma (gamma - 1)(gamma - 2)
     * (1 - beta cos theta) / 2] (F. Sauter, Ann. Phys. 11 (1931) 454), sampled as in PENELOPE-2008 (manual,
     * section 2.2): nu = 1 - cos theta from nu / (A + nu)^3, A = 1/beta - 1, by inversion, accepted with
     * (2 - nu)(A1 + 1/(A + nu)) / (2 (A1 + 1/A)), A1 = beta gamma (gamma - 1)(gamma - 2) / 2.
     * Two uniforms per try.
     */
    static float sauterCosTheta(float t, UniformSource rng) {
        float gamma = 1f + t / PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F;
        float gamma2 = gamma * gamma;
        float beta = (float) Math.sqrt((gamma2 - 1f) / gamma2);
        float a = 1f / beta - 1f;
        float a1 = 0.5f * beta * gamma * (gamma - 1f) * (gamma - 2f);
        float a2 = a + 2f;
        float gMax = 2f * (a1 + 1f / a);
        while (true) {
            float r = rng.nextFloat();
            float nu = 2f * a * (2f * r + a2 * (float) Math.sqrt(r)) / (a2 * a2 - 4f * r);
            float g = (2f - nu) * (a1 + 1f / (a + nu));
            if (rng.nextFloat() * gMax <= g) {
                float c = 1f - nu;
                return c < -1f ? -1f : c;
            }
        }
    }

    /**
     * Polar cosine of a particle emitted isotropically in the rest frame of an electron of kinetic energy
     * {@code t} (MeV) and seen in the lab: cos theta = (c + beta) / (1 + beta c), c = 2u - 1 uniform, so that
     * p(cos theta) = (1 - beta^2) / (2 (1 - beta cos theta)^2), peaked within 1/gamma of the electron's direction
     * (the relativistic aberration of a dipole-free emitter; the leading-order angular model of bremsstrahlung and
     * pair production, cf. Koch and Motz, Rev. Mod. Phys. 31 (1959) 920, whose characteristic angle is 1/gamma).
     */
    static float coneCosTheta(float t, float uniform) {
        float gamma = 1f + t / PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F;
        float beta = (float) Math.sqrt(1f - 1f / (gamma * gamma));
        float c = 2f * uniform - 1f;
        float cosTheta = (c + beta) / (1f + beta * c);
        return cosTheta > 1f ? 1f : (cosTheta < -1f ? -1f : cosTheta);
    }
}
