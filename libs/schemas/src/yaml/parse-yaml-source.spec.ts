import { parseYamlSource } from './parse-yaml-source';

describe(parseYamlSource.name, () => {
  const text = [
    '# comment',
    'reporting:',
    '  unitsReportTo: so-khcn',
    '  aggregatorReportsTo: [bo-khcn, ubnd-tinh]',
    'base: &lead',
    '  text: Sở Y tế',
    'tasks:',
    '  - id: I.1',
    '    lead: *lead',
    '    deadline: >-',
    '      Sau khi có văn bản',
    '',
  ].join('\n');
  const { locate, data, diagnostics } = parseYamlSource({ file: 'x.yaml', text });

  it('reads the data without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(data).toMatchObject({ tasks: [{ id: 'I.1', lead: { text: 'Sở Y tế' }, deadline: 'Sau khi có văn bản' }] });
  });

  it('places a field at its key, or at its value on request', () => {
    expect(locate(['reporting', 'unitsReportTo'])).toEqual({ line: 3, column: 3 });
    expect(locate(['reporting', 'unitsReportTo'], 'value')).toEqual({ line: 3, column: 18 });
    expect(locate(['tasks', 0, 'deadline'])).toEqual({ line: 10, column: 5 });
  });

  it('places list items, in block and flow style', () => {
    expect(locate(['tasks', 0])).toEqual({ line: 8, column: 5 });
    expect(locate(['reporting', 'aggregatorReportsTo', 1])).toEqual({ line: 4, column: 34 });
  });

  it('places a missing field at the nearest part that exists', () => {
    expect(locate(['tasks', 0, 'name'])).toEqual({ line: 8, column: 5 });
    expect(locate(['reporting', 'unitDeadline', 'day'])).toEqual({ line: 2, column: 1 });
    expect(locate(['tasks', 5, 'id'])).toEqual({ line: 7, column: 1 });
    expect(locate([])).toEqual({ line: 2, column: 1 });
  });

  it('follows aliases to the anchored node', () => {
    expect(locate(['tasks', 0, 'lead', 'text'])).toEqual({ line: 6, column: 3 });
  });

  it('keeps only the first of several parser errors on one line', () => {
    const broken = parseYamlSource({ file: 'y.yaml', text: 'a: b: c\nd: [1, 2\n' });
    expect(broken.data).toBeUndefined();
    expect(broken.diagnostics.map((d) => d.line)).toEqual([1, 3]);
  });
});
