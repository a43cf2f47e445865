// OWL 2 DL profile check of the conflict-kg ontology with the OWL API (Debian's
// libowlapi-java). Run by tests/test_ontology_profile.py:
//
//   java -cp "/usr/share/java/owlapi-distribution.jar:..." tests/owl/ProfileCheck.java DIR FILE...
//
// Checks, with org.semanticweb.owlapi.profiles.OWL2DLProfile:
//   - "merged": every FILE's axioms in one ontology (as kg.ontology.load_ontology reads them);
//   - each FILE as an ontology document, its owl:imports resolved to the files in DIR
//     (by ontology IRI and version IRI; nothing is fetched from the network).
// Prints one line per check, "CHECK<TAB>name<TAB>ontology IRI<TAB>version IRI<TAB>imports
// (space-separated)<TAB>axioms", then one line per violation, "VIOLATION<TAB>name<TAB>text".
// Exits 0 when it could run the checks (whatever they found), 2 on a load error.
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyID;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.util.SimpleIRIMapper;

public class ProfileCheck {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ProfileCheck DIR FILE...");
            System.exit(64);
        }
        File dir = new File(args[0]);
        List<File> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(new File(dir, args[i]));
        }
        // 1. Each file's ontology IRI and version IRI (imports not followed).
        OWLOntologyManager probe = OWLManager.createOWLOntologyManager();
        probe.getIRIMappers().clear();
        OWLOntologyLoaderConfiguration noImports = new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT)
                .setFollowRedirects(false);
        List<SimpleIRIMapper> mappers = new ArrayList<>();
        List<OWLOntology> alone = new ArrayList<>();
        for (File f : files) {
            OWLOntology o = load(probe, f, noImports);
            alone.add(o);
            OWLOntologyID id = o.getOntologyID();
            IRI doc = IRI.create(f.getAbsoluteFile());
            id.getOntologyIRI().ifPresent(iri -> mappers.add(new SimpleIRIMapper(iri, doc)));
            id.getVersionIRI().ifPresent(iri -> mappers.add(new SimpleIRIMapper(iri, doc)));
        }
        OWL2DLProfile profile = new OWL2DLProfile();
        // 2. Each file as an ontology document, its imports resolved to the files.
        List<IRI> names = new ArrayList<>();
        for (OWLOntology o : alone) {
            names.add(o.getOntologyID().getOntologyIRI().orElse(null));
        }
        for (int i = 0; i < files.size(); i++) {
            OWLOntologyManager m = manager(mappers);
            File f = files.get(i);
            OWLOntology o = names.get(i) != null ? loadIri(m, f, names.get(i)) : load(m, f, CONFIG);
            report(f.getName(), o, profile);
            String closure = o.importsClosure()
                    .map(x -> x.getOntologyID().getOntologyIRI().map(IRI::toString).orElse("?"))
                    .sorted().collect(Collectors.joining(" "));
            System.out.println("CLOSURE\t" + f.getName() + "\t" + closure);
        }
        // 3. Every file's axioms in one ontology (as kg.ontology.load_ontology reads them).
        OWLOntologyManager m = manager(mappers);
        for (int i = 0; i < files.size(); i++) {
            IRI name = names.get(i);
            if (name == null) {
                load(m, files.get(i), CONFIG);
            } else if (!m.contains(name)) {
                loadIri(m, files.get(i), name);
            }
        }
        OWLOntologyManager mm = manager(mappers);
        OWLOntology merged = mm.createOntology(IRI.create("urn:conflict-kg:merged"));
        m.ontologies().forEach(o -> mm.addAxioms(merged, o.axioms()));
        report("merged", merged, profile);
    }

    private static final OWLOntologyLoaderConfiguration CONFIG = new OWLOntologyLoaderConfiguration()
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION)
            .setFollowRedirects(false);

    private static OWLOntologyManager manager(List<SimpleIRIMapper> mappers) {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        m.getIRIMappers().clear();
        for (SimpleIRIMapper mapper : mappers) {
            m.getIRIMappers().add(mapper);
        }
        m.setOntologyLoaderConfiguration(CONFIG);
        return m;
    }

    private static OWLOntology loadIri(OWLOntologyManager m, File f, IRI iri) {
        try {
            return m.loadOntology(iri);
        } catch (Exception e) {
            System.out.println("ERROR\t" + f.getName() + "\t" + oneLine(e.toString()));
            System.exit(2);
            return null;
        }
    }

    private static OWLOntology load(OWLOntologyManager m, File f, OWLOntologyLoaderConfiguration cfg) {
        try {
            return m.loadOntologyFromOntologyDocument(
                    new org.semanticweb.owlapi.io.FileDocumentSource(f), cfg);
        } catch (Exception e) {
            System.out.println("ERROR\t" + f.getName() + "\t" + oneLine(e.toString()));
            System.exit(2);
            return null;
        }
    }

    private static void report(String name, OWLOntology o, OWL2DLProfile profile) {
        OWLOntologyID id = o.getOntologyID();
        String imports = o.importsDeclarations()
                .map(d -> d.getIRI().toString()).sorted().collect(Collectors.joining(" "));
        System.out.println("CHECK\t" + name
                + "\t" + id.getOntologyIRI().map(IRI::toString).orElse("")
                + "\t" + id.getVersionIRI().map(IRI::toString).orElse("")
                + "\t" + imports
                + "\t" + o.getAxiomCount(Imports.INCLUDED));
        OWLProfileReport r = profile.checkOntology(o);
        for (OWLProfileViolation v : r.getViolations()) {
            System.out.println("VIOLATION\t" + name + "\t" + oneLine(v.toString()));
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
