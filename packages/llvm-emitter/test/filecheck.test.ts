import { fileCheck } from './helpers/filecheck';

// The matcher the other tests rely on must also fail when it should.
const text = 'define void @f() {\nentry:\n  call void @a()\n  call void @b()\n  ret void\n}';

test('CHECK lines match in order, CHECK-NEXT on the next line, {{re}} as a regular expression', () => {
  expect(() => fileCheck(text, 'CHECK: define void @f\nCHECK: call void @a\nCHECK-NEXT: call void @{{[b-z]}}()')).not.toThrow();
});

test.each([
  ['out of order', 'CHECK: call void @b\nCHECK: call void @a'],
  ['CHECK-NEXT not on the next line', 'CHECK: entry:\nCHECK-NEXT: call void @b'],
  ['CHECK-NOT between matches', 'CHECK: entry:\nCHECK-NOT: @a()\nCHECK: ret void'],
  ['CHECK-NOT after the last match', 'CHECK: call void @b\nCHECK-NOT: }'],
  ['a literal that only matches as a regex', 'CHECK: void @.()'],
])('fails when %s', (_what, checks) => {
  expect(() => fileCheck(text, checks)).toThrow();
});
